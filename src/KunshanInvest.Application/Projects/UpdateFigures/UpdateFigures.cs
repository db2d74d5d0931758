using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Milestones;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Projects.UpdateFigures;

/// <summary>
/// Records what was pledged at signing (investment, foreign capital in USD, jobs, annual tax and output, land in 亩),
/// and the project company's credit code. What has been realised is no longer typed here: it comes from verified figure
/// entries (Figures/RecordFigure), month by month, with evidence and a second person's check.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record UpdateFigures(Guid Id, int ExpectedVersion, PledgeDto Pledged, string? ProjectCompanyCreditCode) : ICommand<int>;

public sealed class UpdateFiguresValidator : AbstractValidator<UpdateFigures>
{
    /// <summary>Generous ceilings that still catch a slipped digit (fen, people, mu).</summary>
    private const long MaxFen = MoneyValidator.MaxMinorUnits;
    private const int MaxJobs = 1_000_000;
    private const double MaxLandMu = 100_000;

    public UpdateFiguresValidator()
    {
        RuleFor(x => x.Pledged).NotNull();
        RuleFor(x => x.Pledged.Investment!).SetValidator(new MoneyValidator()).When(x => x.Pledged?.Investment is not null).OverridePropertyName("pledged.investment");
        RuleFor(x => x.Pledged.ForeignCapitalUsdCents).InclusiveBetween(0, MaxFen).When(x => x.Pledged is not null).OverridePropertyName("pledged.foreignCapitalUsdCents");
        RuleFor(x => x.Pledged.Jobs).InclusiveBetween(0, MaxJobs).When(x => x.Pledged is not null).OverridePropertyName("pledged.jobs");
        RuleFor(x => x.Pledged.AnnualTaxFen).InclusiveBetween(0, MaxFen).When(x => x.Pledged is not null).OverridePropertyName("pledged.annualTaxFen");
        RuleFor(x => x.Pledged.AnnualOutputFen).InclusiveBetween(0, MaxFen).When(x => x.Pledged is not null).OverridePropertyName("pledged.annualOutputFen");
        RuleFor(x => x.Pledged.LandMu).InclusiveBetween(0, MaxLandMu).When(x => x.Pledged is not null).OverridePropertyName("pledged.landMu");
        RuleFor(x => x.ProjectCompanyCreditCode).Custom((code, context) => CreditCodeRule.Report(code, context));
    }
}

public sealed class UpdateFiguresHandler(IAppDbContext db, ICurrentUser user, IOptions<AboveScaleOptions> aboveScale) : ICommandHandler<UpdateFigures, int>
{
    public async ValueTask<int> Handle(UpdateFigures command, CancellationToken cancellationToken)
    {
        var project = await ProjectAccess.LoadForEditAsync(db, user, command.Id, command.ExpectedVersion, cancellationToken);
        var facts = project.Stage.IsPipeline() ? await StageFactsLoader.LoadAsync(db, project, aboveScale.Value, cancellationToken) : StageFacts.None;
        var gaps = StageGuard.Gaps(project, facts);
        var p = command.Pledged;
        project.Pledge(p.Investment?.ToMoney(), p.ForeignCapitalUsdCents, p.Jobs, p.AnnualTaxFen, p.AnnualOutputFen, p.LandMu);
        project.RegisterProjectCompany(command.ProjectCompanyCreditCode is { } code ? CreditCode.Normalize(code) : null);

        // Figures a stage rests on cannot be removed while the project stands on it.
        StageGuard.RefuseNewGaps(project, facts, gaps);

        await db.SaveChangesAsync(cancellationToken);
        return project.Version;
    }
}
