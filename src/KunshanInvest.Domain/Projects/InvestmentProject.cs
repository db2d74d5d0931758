using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;

namespace KunshanInvest.Domain.Projects;

/// <summary>Who is moving a project; only managers may move one backwards or reopen a lost one.</summary>
public readonly record struct StageActor(Guid? UserId, bool IsManager);

/// <summary>招商项目: one investment the bureau is pursuing, from first lead to full capacity.</summary>
public sealed class InvestmentProject : AggregateRoot
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 2000;

    private readonly List<StageChange> _stageChanges = [];

    private InvestmentProject() { }

    /// <param name="createdById">Who logged it, when not the owner (a manager assigning a lead); the first stage change names them.</param>
    public InvestmentProject(string code, string name, SourceChannel source, Guid ownerId, DateTime nowUtc, Guid? createdById = null)
    {
        Code = code;
        Name = name;
        Source = source;
        OwnerId = ownerId;
        CreatedAtUtc = nowUtc;
        Stage = ProjectStage.Lead;
        StageEnteredAtUtc = nowUtc;
        LastActivityAtUtc = nowUtc;
        _stageChanges.Add(new StageChange(Id, null, ProjectStage.Lead, nowUtc, createdById ?? ownerId, null, isJump: false, isBackward: false));
    }

    /// <summary>The name a lead gets when the officer gives none: the enterprise's name and 投资项目, within the column.</summary>
    public static string DefaultName(string enterpriseName)
    {
        const string Suffix = " 投资项目";
        var room = NameMaxLength - Suffix.Length;
        return (enterpriseName.Length > room ? enterpriseName[..room] : enterpriseName) + Suffix;
    }

    /// <summary>e.g. KS-2026-00042.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public Guid? EnterpriseId { get; private set; }
    public Guid? SectorId { get; private set; }
    public Guid? ParkId { get; private set; }
    public Guid? EventId { get; private set; }

    /// <summary>增资扩产: the earlier project of the same enterprise this one expands.</summary>
    public Guid? ExpansionOfProjectId { get; private set; }
    public SourceChannel Source { get; private set; }
    public Guid OwnerId { get; private set; }
    public ProjectStage Stage { get; private set; }
    public DateTime StageEnteredAtUtc { get; private set; }

    /// <summary>The pipeline stage a project on hold (搁置) or lost (流失) left; resuming or reopening is measured from it.</summary>
    public ProjectStage? StageBeforeSideState { get; private set; }
    public string? LostReason { get; private set; }

    /// <summary>Rough investment logged with the lead, any currency.</summary>
    public Money? EstimatedInvestment { get; private set; }
    public bool IsMajor { get; private set; }

    /// <summary>卡点: what is blocking the project.</summary>
    public string? BlockingIssues { get; private set; }
    [VersionNeutral]
    public DateOnly? NextFollowUpOn { get; private set; }

    [VersionNeutral]
    public DateTime LastActivityAtUtc { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public bool IsDemo { get; private set; }

    // Pledged at signing.
    public Money? PledgedInvestment { get; private set; }
    public long? PledgedForeignCapitalUsdCents { get; private set; }
    public int? PledgedJobs { get; private set; }
    public long? PledgedAnnualTaxFen { get; private set; }
    public long? PledgedAnnualOutputFen { get; private set; }

    /// <summary>亩 (1 mu ≈ 666.7 m²).</summary>
    public double? PledgedLandMu { get; private set; }

    /// <summary>The project company's 统一社会信用代码, needed from 注册 on.</summary>
    public string? ProjectCompanyCreditCode { get; private set; }

    // What was realised is not a property of the project: it is the sum of its verified figure entries (ADR 0029).

    public IReadOnlyList<StageChange> StageChanges => _stageChanges;

    /// <summary>When the stale sweep last flagged the project (no activity for the sector's days); stale while it is later than the last activity.</summary>
    public DateTime? StaleFlaggedAtUtc { get; private set; }

    /// <summary>
    /// 六未 escalation of the current stay in the stage: 1 the owner was told, 2 the managers were copied, 3 reassignment
    /// was proposed. It belongs to the stay that began at <see cref="EscalatedStageEnteredAtUtc"/>: a stage change starts over.
    /// </summary>
    public int EscalationLevel { get; private set; }

    /// <inheritdoc cref="EscalationLevel"/>
    public DateTime? EscalatedAtUtc { get; private set; }

    /// <inheritdoc cref="EscalationLevel"/>
    public DateTime? EscalatedStageEnteredAtUtc { get; private set; }

    /// <summary>Whether the stale flag still holds: nothing was recorded since the sweep flagged the project.</summary>
    public bool IsFlaggedStale => StaleFlaggedAtUtc is { } flagged && flagged >= LastActivityAtUtc;

    /// <summary>The escalation level of the current stay (0 once the project moved on after being escalated).</summary>
    public int CurrentEscalationLevel => EscalatedStageEnteredAtUtc == StageEnteredAtUtc ? EscalationLevel : 0;

    public void Rename(string name) => Name = name;

    /// <summary>Takes the next free code when another lead took this one first (codes are numbered per year).</summary>
    public void Renumber(string code) => Code = code;

    public void Place(Guid? enterpriseId, Guid? sectorId, Guid? parkId)
    {
        EnterpriseId = enterpriseId;
        SectorId = sectorId;
        ParkId = parkId;
    }

    public void LinkEvent(Guid? eventId) => EventId = eventId;

    public void AssignOwner(Guid ownerId) => OwnerId = ownerId;

    /// <summary>
    /// 项目转交: another officer takes the project over. The 六未 escalation of the stay is settled with it (a level-3
    /// proposal was acted on): the new owner starts on a clean ladder, and the next sweep tells them if it is still stalled.
    /// </summary>
    public void HandOver(Guid ownerId)
    {
        OwnerId = ownerId;
        EscalationLevel = 0;
        EscalatedAtUtc = null;
        EscalatedStageEnteredAtUtc = null;
    }

    public void ChangeSource(SourceChannel source) => Source = source;

    /// <summary>Used when the enterprise record is merged into another.</summary>
    public void MoveToEnterprise(Guid enterpriseId) => EnterpriseId = enterpriseId;

    /// <summary>A live project is one still being worked: neither lost nor at full capacity.</summary>
    public bool IsActive => Stage is not (ProjectStage.Lost or ProjectStage.AtCapacity);

    public void MarkExpansionOf(Guid? earlierProjectId)
    {
        if (earlierProjectId == Id)
        {
            throw new DomainRuleException("project.expansionOf", "A project cannot expand itself.");
        }

        ExpansionOfProjectId = earlierProjectId;
    }

    public void Estimate(Money? investment, bool isMajor)
    {
        EstimatedInvestment = investment;
        IsMajor = isMajor;
    }

    public void Block(string? issues) => BlockingIssues = string.IsNullOrWhiteSpace(issues) ? null : issues.Trim();

    public void ScheduleFollowUp(DateOnly? on) => NextFollowUpOn = on;

    public void Pledge(Money? investment, long? foreignCapitalUsdCents, int? jobs, long? annualTaxFen, long? annualOutputFen, double? landMu)
    {
        PledgedInvestment = investment;
        PledgedForeignCapitalUsdCents = foreignCapitalUsdCents;
        PledgedJobs = jobs;
        PledgedAnnualTaxFen = annualTaxFen;
        PledgedAnnualOutputFen = annualOutputFen;
        PledgedLandMu = landMu;
    }

    public void RegisterProjectCompany(string? creditCode)
    {
        if (string.IsNullOrWhiteSpace(creditCode))
        {
            ProjectCompanyCreditCode = null;
            return;
        }

        var normalized = CreditCode.Normalize(creditCode);
        if (!CreditCode.IsValid(normalized))
        {
            throw new DomainRuleException("project.projectCompanyCreditCode", $"'{creditCode}' is not a valid unified social credit code.");
        }

        ProjectCompanyCreditCode = normalized;
    }

    public void Touch(DateTime atUtc)
    {
        if (atUtc > LastActivityAtUtc)
        {
            LastActivityAtUtc = atUtc;
        }
    }

    public void MarkDemo() => IsDemo = true;

    /// <summary>Seeding and imports state when the current stage began, so time-in-stage stays true.</summary>
    public void Backdate(DateTime stageEnteredAtUtc)
    {
        StageEnteredAtUtc = stageEnteredAtUtc;
        foreach (var change in _stageChanges.Where(c => c.To == Stage))
        {
            change.Backdate(stageEnteredAtUtc);
        }
    }

    /// <summary>
    /// 台账导入: stages the project already passed, as the bureau's ledger dates them (ADR 0028). Each step is recorded as a
    /// <see cref="StageChange"/> at its own date, by the manager who confirmed the import, with <paramref name="note"/>.
    /// Only forward, in stage and date order, never past <paramref name="nowUtc"/>; a step at the current stage only
    /// re-dates it. The stage gates are not asked here: the import checks the ledger's own facts for each stage
    /// (enterprise, sector, park, pledge, project company, land) before calling, and the history happened before this
    /// system knew of it.
    /// </summary>
    public void ImportHistory(IReadOnlyList<(ProjectStage Stage, DateTime AtUtc)> steps, Guid byUserId, string note, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (!Stage.IsPipeline())
        {
            throw new DomainRuleException("ledger.stage_side_state", $"The project is {Stage} ({Stage.ZhName()}): the ledger cannot move it.");
        }

        var previous = DateTime.MinValue;
        foreach (var (stage, at) in steps)
        {
            if (!stage.IsPipeline() || stage < Stage || at < previous || at > nowUtc)
            {
                throw new DomainRuleException("ledger.stage_order", "Imported stages must go forward in stage and date order, and not into the future.");
            }

            previous = at;
            if (stage == Stage)
            {
                Backdate(at);
                continue;
            }

            var from = Stage;
            _stageChanges.Add(new StageChange(Id, from, stage, at, byUserId, note, isJump: stage > from + 1, isBackward: false));
            Stage = stage;
            StageEnteredAtUtc = at;
            StageBeforeSideState = null;
        }

        Touch(nowUtc);
    }

    /// <summary>
    /// Moves the project, recording a <see cref="StageChange"/>. Forward moves may skip stages but must carry every
    /// gate's evidence (<paramref name="facts"/>: the milestones and verified sums the gates from 供地 on read); backward
    /// moves and reopening a lost project need a manager and a reason; 搁置 and 流失 need a reason.
    /// </summary>
    public StageChange MoveTo(ProjectStage target, StageActor actor, string? note, DateTime nowUtc, StageFacts facts)
    {
        if (!Enum.IsDefined(target))
        {
            throw new DomainRuleException("stage.unknown", $"Unknown stage {(int)target}.");
        }

        if (target == Stage)
        {
            throw new DomainRuleException("stage.same", $"The project is already at {target} ({target.ZhName()}).");
        }

        var hasReason = !string.IsNullOrWhiteSpace(note);
        var from = Stage;
        var isBackward = false;
        var isJump = false;

        if (target.IsSideState())
        {
            if (from == ProjectStage.Lost)
            {
                throw new DomainRuleException("stage.lost", "A lost project must be reopened into a pipeline stage first.");
            }

            if (!hasReason)
            {
                throw new DomainRuleException("stage.reason", $"Moving to {target} ({target.ZhName()}) needs a reason.");
            }
        }
        else
        {
            var reference = from.IsPipeline() ? from : StageBeforeSideState ?? ProjectStage.Lead;
            isBackward = target < reference;
            isJump = target > reference + 1;

            if (isBackward || from == ProjectStage.Lost)
            {
                if (!actor.IsManager)
                {
                    throw new DomainForbiddenException("stage.backward", "Only a manager may move a project back or reopen a lost one.");
                }

                if (!hasReason)
                {
                    throw new DomainRuleException("stage.reason", "Moving a project back or reopening it needs a reason.");
                }
            }

            // Evidence holds for every pipeline stage, whichever way the project arrives there.
            var missing = StageGates.Check(this, target, facts);
            if (missing.Count > 0)
            {
                throw new StageGateException(target, missing);
            }
        }

        StageBeforeSideState = target.IsSideState() ? (from.IsPipeline() ? from : StageBeforeSideState) : null;
        LostReason = target == ProjectStage.Lost ? note!.Trim() : null;
        Stage = target;
        StageEnteredAtUtc = nowUtc;
        Touch(nowUtc);

        var change = new StageChange(Id, from, target, nowUtc, actor.UserId, hasReason ? note!.Trim() : null, isJump, isBackward);
        _stageChanges.Add(change);
        return change;
    }
}
