using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Portal;
using KunshanInvest.Application.Projects;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Milestones.RecordMilestone;

/// <summary>
/// Records (or corrects) one milestone of a project: planned and actual date, an evidence file under the portal's upload
/// rules, and the kind's own facts — 注册 the credit code (kept in step with the project's), 供地 亩 and the parcel or
/// premises, 入库 its month, 达产 a manager's override reason. The owner or a manager; another officer gets 403. Dates
/// keep the order 注册 ≤ 供地 ≤ 开工 ≤ 投产 ≤ 入库 ≤ 达产 and are not in the future (422).
/// 供地 reached links its carrier of the register (a parcel or premises, which is supplied — 已出让 / occupied — with its
/// Supplied history line in the same save; 亩 default to the parcel's); with neither, a manager gives the reason (an
/// officer gets 422). A carrier reserved for another project, or already supplied, is a 409 (docs/adr/0033).
/// </summary>
/// <param name="CarrierReference">供地: a free note on the carrier (e.g. the land contract's number); the carrier itself is <paramref name="LandParcelId"/> or <paramref name="PremisesId"/>.</param>
/// <param name="StatisticsPeriod">入库: the statistics month, yyyymm; without <paramref name="ActualOn"/> the milestone is dated the month's first day.</param>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record RecordMilestone(
    Guid ProjectId,
    MilestoneKind Kind,
    DateOnly? PlannedOn,
    DateOnly? ActualOn,
    string? CreditCode = null,
    double? LandMu = null,
    string? CarrierReference = null,
    int? StatisticsPeriod = null,
    string? OverrideReason = null,
    string? Note = null,
    UploadedFile? Evidence = null,
    Guid? LandParcelId = null,
    Guid? PremisesId = null,
    string? NoCarrierReason = null) : ICommand<MilestoneDto>;

public sealed class RecordMilestoneValidator : AbstractValidator<RecordMilestone>
{
    private const double MaxLandMu = 100_000;
    private static readonly DateOnly Earliest = new(1990, 1, 1);
    private static readonly DateOnly Latest = new(2100, 12, 31);

    public RecordMilestoneValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.PlannedOn).InclusiveBetween(Earliest, Latest).When(x => x.PlannedOn is not null);
        RuleFor(x => x.ActualOn).InclusiveBetween(Earliest, Latest).When(x => x.ActualOn is not null);
        RuleFor(x => x.Note).MaximumLength(ProjectMilestone.TextMaxLength);

        RuleFor(x => x.CreditCode).Null().WithMsg(M.MilestoneFieldNotForKind).When(x => x.Kind != MilestoneKind.Registered);
        RuleFor(x => x.CreditCode).NotEmpty().WithMsg(M.MilestoneCreditCodeRequired)
            .When(x => x.Kind == MilestoneKind.Registered && x.ActualOn is not null);
        RuleFor(x => x.CreditCode).Custom((code, context) => CreditCodeRule.Report(code, context)).When(x => x.Kind == MilestoneKind.Registered);

        RuleFor(x => x.LandMu).Null().WithMsg(M.MilestoneFieldNotForKind).When(x => x.Kind != MilestoneKind.LandSupplied);
        RuleFor(x => x.CarrierReference).Null().WithMsg(M.MilestoneFieldNotForKind).When(x => x.Kind != MilestoneKind.LandSupplied);
        RuleFor(x => x.NoCarrierReason).MaximumLength(ProjectMilestone.TextMaxLength);
        RuleFor(x => x.LandParcelId).Null().WithMsg(M.MilestoneFieldNotForKind).When(x => x.Kind != MilestoneKind.LandSupplied);
        RuleFor(x => x.PremisesId).Null().WithMsg(M.MilestoneFieldNotForKind).When(x => x.Kind != MilestoneKind.LandSupplied);
        RuleFor(x => x.NoCarrierReason).Null().WithMsg(M.MilestoneFieldNotForKind).When(x => x.Kind != MilestoneKind.LandSupplied);
        RuleFor(x => x.PremisesId).Null().WithMsg(M.MatchingOneCarrier).When(x => x.LandParcelId is not null);
        RuleFor(x => x.LandParcelId).Null().WithMsg(M.MatchingCarrierNeedsDate).When(x => x.ActualOn is null);
        RuleFor(x => x.PremisesId).Null().WithMsg(M.MatchingCarrierNeedsDate).When(x => x.ActualOn is null);
        RuleFor(x => x.LandMu).NotNull().WithMsg(M.MilestoneLandMuRequired)
            .When(x => x.Kind == MilestoneKind.LandSupplied && x.ActualOn is not null && x.LandParcelId is null);
        RuleFor(x => x.LandMu).GreaterThan(0).LessThanOrEqualTo(MaxLandMu).WithMsg(M.MilestoneLandMuRequired)
            .When(x => x.Kind == MilestoneKind.LandSupplied && x.LandMu is not null);
        RuleFor(x => x.CarrierReference).MaximumLength(ProjectMilestone.ReferenceMaxLength);

        RuleFor(x => x.StatisticsPeriod).Null().WithMsg(M.MilestoneFieldNotForKind).When(x => x.Kind != MilestoneKind.EnteredStatistics);
        RuleFor(x => x.StatisticsPeriod).NotNull().WithMsg(M.MilestonePeriodRequired)
            .When(x => x.Kind == MilestoneKind.EnteredStatistics && x.ActualOn is not null);
        RuleFor(x => x.StatisticsPeriod).Must(p => FigurePeriod.IsWellFormed(p!.Value))
            .WithMsg(M.FigurePeriod, x => [("period", x.StatisticsPeriod)])
            .When(x => x.Kind == MilestoneKind.EnteredStatistics && x.StatisticsPeriod is not null);

        RuleFor(x => x.OverrideReason).Null().WithMsg(M.MilestoneFieldNotForKind).When(x => x.Kind != MilestoneKind.CapacityReached);
        RuleFor(x => x.OverrideReason).MaximumLength(ProjectMilestone.TextMaxLength);

        RuleFor(x => x.Evidence).Custom((file, context) =>
        {
            if (file is not null && AttachmentRules.Problem(file.FileName, file.Content) is { } problem)
            {
                context.AddFailure(Common.Exceptions.FieldError.Failure("file", problem));
            }
        });
    }
}

public sealed class RecordMilestoneHandler(IAppDbContext db, ICurrentUser user, IAttachmentStore store, TimeProvider clock, IOptions<AboveScaleOptions> aboveScale)
    : ICommandHandler<RecordMilestone, MilestoneDto>
{
    public async ValueTask<MilestoneDto> Handle(RecordMilestone command, CancellationToken cancellationToken)
    {
        var project = await ProjectAccess.LoadForEditAsync(db, user, command.ProjectId, null, cancellationToken);
        var userId = user.RequireId();
        var now = clock.GetUtcNow().UtcDateTime;
        var all = await db.Milestones.Where(m => m.ProjectId == project.Id).ToListAsync(cancellationToken);
        var before = all.Select(MilestoneFact.Of).ToList();

        var milestone = all.FirstOrDefault(m => m.Kind == command.Kind);
        if (milestone is null)
        {
            milestone = new ProjectMilestone(project.Id, command.Kind, userId, now);
            db.Milestones.Add(milestone);
            all.Add(milestone);
        }

        if (command.Kind == MilestoneKind.CapacityReached)
        {
            Override(milestone, command.OverrideReason, userId);
        }

        var period = command.StatisticsPeriod;
        var actual = command.ActualOn
            ?? (command.Kind == MilestoneKind.EnteredStatistics && period is { } p ? new DateOnly(FigurePeriod.Year(p), FigurePeriod.Month(p), 1) : null);
        var code = string.IsNullOrWhiteSpace(command.CreditCode) ? null : CreditCode.Normalize(command.CreditCode);
        milestone.Plan(command.PlannedOn);
        milestone.Reach(actual, userId, now);
        var landMu = command.Kind == MilestoneKind.LandSupplied && actual is not null
            ? await LinkCarrierAsync(project, milestone, command, userId, now, cancellationToken)
            : command.LandMu;
        milestone.Describe(code, landMu, command.CarrierReference, period, command.Note);
        if (command.Kind == MilestoneKind.Registered && code is not null)
        {
            project.RegisterProjectCompany(code);
        }

        var after = all.Select(MilestoneFact.Of).ToList();
        MilestoneOrder.Check(MilestoneFact.Of(milestone), after, clock.BureauToday());
        await KeepCurrentStageAsync(project, before, after, cancellationToken);

        var previousEvidence = milestone.EvidenceStoredName;
        string? saved = null;
        if (command.Evidence is { } file)
        {
            saved = await store.SaveAsync(file.Content, cancellationToken);
            var extension = Path.GetExtension(file.FileName);
            milestone.AttachEvidence(AttachmentRules.SafeName(file.FileName), saved, AttachmentRules.ContentTypes[extension], file.Content.LongLength);
        }

        await store.SaveChangesOrDiscardAsync(db, saved, cancellationToken);

        if (saved is not null && previousEvidence is not null)
        {
            store.Delete(previousEvidence);
        }

        return MilestoneDto.From(milestone);
    }

    /// <summary>
    /// 供地's carrier: the parcel or premises named is supplied to the project (once: a correction naming the same one
    /// leaves it; naming another is a 409); with neither, the link already made stays, or a manager's reason stands in.
    /// Returns the 亩 to record (the parcel's unless given).
    /// </summary>
    private async Task<double?> LinkCarrierAsync(InvestmentProject project, ProjectMilestone milestone, RecordMilestone command, Guid userId, DateTime now, CancellationToken cancellationToken)
    {
        if (command.LandParcelId is null && command.PremisesId is null)
        {
            var reason = string.IsNullOrWhiteSpace(command.NoCarrierReason) ? null : command.NoCarrierReason.Trim();
            if (reason is not null && reason != milestone.NoCarrierReason && !user.IsManagerOrAdmin())
            {
                throw new DomainForbiddenException(M.MatchingReasonManager.Code, "Only a manager may record 供地 without a carrier.");
            }

            if (reason is not null && !milestone.HasCarrier)
            {
                milestone.SupplyWithoutCarrier(reason, userId);
            }
            else if (!milestone.HasCarrier && milestone.NoCarrierReason is null)
            {
                throw new DomainRuleException(M.MatchingCarrierRequired.Code, "Recording 供地 needs its land parcel or premises, or a manager's reason.");
            }

            return command.LandMu;
        }

        if (milestone.HasCarrier)
        {
            return milestone.LandParcelId == command.LandParcelId && milestone.PremisesId == command.PremisesId
                ? command.LandMu ?? milestone.LandMu
                : throw new DomainConflictException(M.MatchingCarrierLinked.Code, "The project's 供地 already links another carrier.");
        }

        double? landMu = command.LandMu;
        if (command.LandParcelId is { } parcelId)
        {
            var parcel = await db.LandParcels.SingleOrDefaultAsync(p => p.Id == parcelId, cancellationToken)
                ?? throw new NotFoundException(nameof(LandParcel), parcelId);
            db.CarrierEvents.Add(parcel.Supply(project.Id, userId, now));
            landMu ??= parcel.AreaMu;
        }
        else
        {
            var premisesId = command.PremisesId!.Value;
            var premises = await db.Premises.SingleOrDefaultAsync(p => p.Id == premisesId, cancellationToken)
                ?? throw new NotFoundException(nameof(Premises), premisesId);
            db.CarrierEvents.Add(premises.Supply(project.Id, userId, now));
        }

        milestone.LinkCarrier(command.LandParcelId, command.PremisesId);
        return landMu;
    }

    /// <summary>Only a manager sets or clears 达产's override; an officer's edit leaves it as it is (and may not change it: 403).</summary>
    private void Override(ProjectMilestone milestone, string? reason, Guid userId)
    {
        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (user.IsManagerOrAdmin())
        {
            milestone.Override(trimmed, userId);
        }
        else if (trimmed is not null && trimmed != milestone.OverrideReason)
        {
            throw new DomainForbiddenException(M.MilestoneOverrideManager.Code, "Only a manager may override the capacity check.");
        }
    }

    /// <summary>The change may not take away what the current stage rests on; gaps it had before do not block recording.</summary>
    private async Task KeepCurrentStageAsync(InvestmentProject project, List<MilestoneFact> before, List<MilestoneFact> after, CancellationToken cancellationToken)
    {
        if (!project.Stage.IsPipeline() || project.Stage < ProjectStage.LandSecured)
        {
            return;
        }

        var threshold = await StageFactsLoader.ThresholdAsync(db, project.EnterpriseId, aboveScale.Value, cancellationToken);
        var gaps = StageGuard.Gaps(project, await StageFactsLoader.WithSumsAsync(db, project.Id, before, threshold, cancellationToken));
        StageGuard.RefuseNewGaps(project, await StageFactsLoader.WithSumsAsync(db, project.Id, after, threshold, cancellationToken), gaps);
    }
}
