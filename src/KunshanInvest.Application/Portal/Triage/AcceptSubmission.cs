using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Portal.Triage;

/// <summary>Accept: a Lead project (source = partner portal) for the matched or a new enterprise, owned by the caller.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record AcceptSubmission(Guid Id, Guid? EnterpriseId = null, Guid? SectorId = null) : ICommand<TriageDecision>;

public sealed class AcceptSubmissionHandler(IAppDbContext db, IProjectCodeAllocator codes, ICurrentUser user, Notifier notifier, TimeProvider clock) : ICommandHandler<AcceptSubmission, TriageDecision>
{
    public async ValueTask<TriageDecision> Handle(AcceptSubmission command, CancellationToken cancellationToken)
    {
        var me = user.RequireId();
        var now = clock.GetUtcNow().UtcDateTime;
        var submission = await TriageSteps.LoadAsync(db, command.Id, cancellationToken);
        submission.EnsureOpen();

        var enterpriseId = command.EnterpriseId ?? submission.MatchedEnterpriseId;
        Enterprise enterprise;
        if (enterpriseId is { } id)
        {
            enterprise = await db.Enterprises.SingleOrDefaultAsync(e => e.Id == id && e.MergedIntoId == null, cancellationToken)
                ?? throw FieldError.Invalid("enterpriseId", M.NoSuchEnterprise);
        }
        else
        {
            enterprise = new Enterprise(submission.EnterpriseNameZh, submission.EnterpriseNameEn, submission.Country, OwnershipOf(submission.Country));
            enterprise.SetCreditCode(submission.CreditCode);
            db.Enterprises.Add(enterprise);
        }

        var sectorId = command.SectorId ?? submission.SectorId;
        if (!await db.Sectors.AnyAsync(s => s.Id == sectorId && s.IsActive, cancellationToken))
        {
            throw FieldError.Invalid("sectorId", M.NoSuchActiveSector);
        }

        var project = new InvestmentProject(await ProjectCodes.NextAsync(codes, now.Year, cancellationToken), InvestmentProject.DefaultName(enterprise.DisplayName), SourceChannel.PartnerPortal, me, now);
        project.Place(enterprise.Id, sectorId, null);
        project.Estimate(submission.EstimatedInvestment, false);
        db.Projects.Add(project);
        db.SubmissionStatusChanges.Add(submission.Accept(project.Id, me, now));
        await db.Attributions.Where(a => a.SubmissionId == submission.Id).ForEachTrackedAsync(a => a.LinkProject(project.Id), cancellationToken);
        await TriageSteps.NotifyAsync(db, notifier, submission, "submission.accepted", M.SubmissionAcceptedNotice, cancellationToken);
        await ProjectCodes.SaveAsync(db, codes, [project], now.Year, cancellationToken);
        return TriageSteps.Decision(submission, project.Code);
    }

    private static Ownership OwnershipOf(string country) => country switch
    {
        "CN" => Ownership.Domestic,
        "HK" or "MO" or "TW" => Ownership.HongKongMacaoTaiwan,
        _ => Ownership.Foreign,
    };
}
