using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Application.Figures;
using KunshanInvest.Application.Milestones;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Sectors;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Projects.GetProject;

/// <summary>
/// A project with its names, figures, stage history and what the next stage still needs; its realised figures are sums
/// of its verified figure entries (one statement), the gates' milestones and verified sums another.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetProject(Guid Id) : IQuery<ProjectDetail>;

public sealed class GetProjectHandler(IAppDbContext db, IUserDirectory users, IOptions<StalledOptions> stalled, TimeProvider clock, IOptions<AboveScaleOptions> aboveScale, IOptions<Reviews.ProjectReviewOptions> review) : IQueryHandler<GetProject, ProjectDetail>
{
    public async ValueTask<ProjectDetail> Handle(GetProject query, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking()
            .Include(p => p.StageChanges)
            .SingleOrDefaultAsync(p => p.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Project", query.Id);

        var names = await (
            from p in db.Projects.Where(p => p.Id == query.Id)
            join e in db.Enterprises on p.EnterpriseId equals e.Id into es
            from e in es.DefaultIfEmpty()
            join s in db.Sectors on p.SectorId equals s.Id into ss
            from s in ss.DefaultIfEmpty()
            join k in db.Parks on p.ParkId equals k.Id into ks
            from k in ks.DefaultIfEmpty()
            join v in db.Events on p.EventId equals v.Id into vs
            from v in vs.DefaultIfEmpty()
            join x in db.Projects on p.ExpansionOfProjectId equals x.Id into xs
            from x in xs.DefaultIfEmpty()
            select new
            {
                EnterpriseZh = e.NameZh, EnterpriseEn = e.NameEn, SectorZh = s.NameZh, SectorEn = s.NameEn,
                ParkZh = k.NameZh, ParkEn = k.NameEn, EventZh = v.NameZh, ExpansionCode = x.Code,
                StatisticsType = (Domain.Enterprises.StatisticsType?)e.StatisticsType,

                // Whether a round passed rides along for the 签约 gate (ADR 0032), at no statement of its own.
                ReviewPassed = db.ProjectReviews.Any(r => r.ProjectId == p.Id && r.Status == Domain.Reviews.ReviewStatus.Decided
                    && (r.Outcome == Domain.Reviews.ReviewOutcome.Passed || r.Outcome == Domain.Reviews.ReviewOutcome.PassedWithConditions)),

                // The sector's own 六未 limits ride along, so the rule costs no statement of its own.
                s.SignedDays, s.RegisteredDays, s.LandSecuredDays, s.UnderConstructionDays, s.OperatingDays, s.AboveScaleDays,
            }).AsNoTracking().SingleAsync(cancellationToken);

        var changes = project.StageChanges.OrderBy(c => c.AtUtc).ToList();
        var people = await users.DisplayNamesAsync(changes.Where(c => c.ByUserId != null).Select(c => c.ByUserId!.Value).Append(project.OwnerId), cancellationToken);
        var limits = new SectorLimits(names.SignedDays, names.RegisteredDays, names.LandSecuredDays, names.UnderConstructionDays, names.OperatingDays, names.AboveScaleDays)
            .Over(stalled.Value.ToLimits());
        var now = clock.GetUtcNow().UtcDateTime;
        var next = NextStage(project);
        var realised = await VerifiedFigures.RealisedAsync(db, project.Id, clock.BureauToday().Year, cancellationToken);
        var threshold = names.StatisticsType is { } type ? aboveScale.Value.ThresholdFen(type) : null;
        var facts = await StageFactsLoader.LoadAsync(db, project.Id, threshold, cancellationToken) with
        {
            Review = new Domain.Reviews.ReviewGate(review.Value.RequireForMajor, review.Value.MajorFromFen, names.ReviewPassed),
        };

        return new ProjectDetail(
            project.Id, project.Code, project.Name, project.Stage, project.StageBeforeSideState, project.LostReason, project.StageEnteredAtUtc,
            limits.IsStalled(project.Stage, project.StageEnteredAtUtc, now),
            limits.IsStalled(project.Stage, project.StageEnteredAtUtc, now) ? StalledLimits.KindFor(project.Stage) : null,
            project.EnterpriseId, names.EnterpriseZh, names.EnterpriseEn,
            project.SectorId, names.SectorZh, names.SectorEn,
            project.ParkId, names.ParkZh, names.ParkEn,
            project.EventId, names.EventZh,
            project.ExpansionOfProjectId, names.ExpansionCode,
            project.Source, project.OwnerId, people.GetValueOrDefault(project.OwnerId),
            MoneyDto.From(project.EstimatedInvestment), project.IsMajor, project.BlockingIssues, project.NextFollowUpOn,
            project.LastActivityAtUtc, project.CreatedAtUtc,
            new PledgeDto(MoneyDto.From(project.PledgedInvestment), project.PledgedForeignCapitalUsdCents, project.PledgedJobs, project.PledgedAnnualTaxFen, project.PledgedAnnualOutputFen, project.PledgedLandMu),
            project.ProjectCompanyCreditCode,
            new RealisedDto(realised.FundsInPlaceFen, realised.Jobs, realised.TaxFen, realised.OutputFen, realised.ForeignCapitalUsdCents, realised.RevenueFen, realised.Year),
            [.. changes.Select(c => new StageChangeDto(c.From, c.To, c.AtUtc, c.ByUserId, c.ByUserId is { } by ? people.GetValueOrDefault(by) : null, c.Note, c.IsJump, c.IsBackward))],
            next,
            next is { } n ? Missing(project, n, facts) : [],
            [.. ProjectStages.Pipeline.Where(s => s != project.Stage).Select(s => new StageGap(s, Missing(project, s, facts)))],
            project.Version);
    }

    private static IReadOnlyList<MissingEvidenceDto> Missing(InvestmentProject project, ProjectStage stage, StageFacts facts) =>
        [.. StageGates.Check(project, stage, facts).Select(m => new MissingEvidenceDto(m.Field, Messages.Render(m.Code, null, System.Globalization.CultureInfo.CurrentUICulture) ?? m.Message))];

    /// <summary>The stage the project would normally go to next (from hold: the one after the stage it left).</summary>
    private static ProjectStage? NextStage(InvestmentProject project)
    {
        var from = project.Stage.IsPipeline() ? project.Stage : project.StageBeforeSideState;
        return from is { } stage && stage < ProjectStage.AtCapacity && project.Stage != ProjectStage.Lost ? stage + 1 : null;
    }
}
