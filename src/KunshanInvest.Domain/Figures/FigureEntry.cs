using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Figures;

public enum FigureStatus
{
    /// <summary>Entered, awaiting a manager who did not enter it. Counts nowhere.</summary>
    Pending = 0,

    /// <summary>Checked by a second person: the only state that counts in any figure, KPI or reward.</summary>
    Verified = 1,

    /// <summary>The checker refused it, with a reason.</summary>
    Rejected = 2,

    /// <summary>A verified correction replaced it; kept for the record, counts nowhere.</summary>
    Superseded = 3,
}

/// <summary>
/// 实绩: one realised figure of a project for one month — 到位资金, 实际使用外资, tax paid, revenue … — with its evidence.
/// Entered by the project's officer (or a manager), verified by a manager who did not enter it (maker–checker). A
/// correction is a new entry naming the one it supersedes; the old entry is marked superseded when the correction is
/// verified, so a figure never vanishes between the two. Nothing is overwritten.
/// </summary>
public sealed class FigureEntry : AggregateRoot
{
    public const int NoteMaxLength = 1000;
    public const int ReasonMaxLength = 500;
    public const int FileNameMaxLength = 200;
    public const int StoredNameMaxLength = 80;
    public const int ContentTypeMaxLength = 100;

    /// <summary>A generous ceiling that still catches a slipped digit: CNY 10 trillion in fen, far below overflow in sums.</summary>
    public const long MaxValue = 1_000_000_000_000_000;

    private FigureEntry() { }

    /// <param name="amount">As entered: minor units of <paramref name="currency"/> for money kinds, else people or kgce.</param>
    /// <param name="value">The amount in the kind's reporting unit (<see cref="FigureKinds.Unit"/>), converted at the period year's rate.</param>
    /// <param name="foreignPartFen">到位资金 only: how much of <paramref name="value"/> is foreign capital, CNY fen.</param>
    public FigureEntry(Guid projectId, FigureKind kind, int period, long amount, string? currency, long value, long? foreignPartFen, string? note, Guid enteredById, DateTime nowUtc, Guid? supersedesId = null)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("figure.kind", $"Unknown figure kind {(int)kind}.");
        }

        FigurePeriod.Check(period, nowUtc);
        if (amount is < 0 or > MaxValue || value is < 0 or > MaxValue)
        {
            throw new DomainRuleException("figure.amount", "An amount must be zero or more and below CNY 10 trillion.");
        }

        if (kind.IsMoney() != currency is not null)
        {
            throw new DomainRuleException("figure.currency", kind.IsMoney() ? "A money figure needs its currency." : "Only money figures carry a currency.");
        }

        if (foreignPartFen is not null && (kind != FigureKind.FundsInPlace || foreignPartFen < 0 || foreignPartFen > value))
        {
            throw new DomainRuleException("figure.foreign_part", "The foreign part belongs to 到位资金 and cannot exceed it.");
        }

        ProjectId = projectId;
        Kind = kind;
        Period = period;
        Amount = amount;
        Currency = currency;
        Value = value;
        ForeignPartFen = foreignPartFen;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        EnteredById = enteredById;
        EnteredAtUtc = nowUtc;
        SupersedesId = supersedesId;
        Status = FigureStatus.Pending;
    }

    public Guid ProjectId { get; private set; }
    public FigureKind Kind { get; private set; }

    /// <summary>yyyymm (<see cref="FigurePeriod"/>).</summary>
    public int Period { get; private set; }

    public long Amount { get; private set; }
    public string? Currency { get; private set; }

    /// <summary>In the kind's unit: CNY fen, US cents, people or kgce.</summary>
    public long Value { get; private set; }

    public long? ForeignPartFen { get; private set; }
    public string? Note { get; private set; }

    public EvidenceType? EvidenceType { get; private set; }

    /// <summary>The client's file name, for display and the download's name only — never a path.</summary>
    public string? EvidenceFileName { get; private set; }

    public string? EvidenceStoredName { get; private set; }
    public string? EvidenceContentType { get; private set; }
    public long? EvidenceSizeBytes { get; private set; }

    public Guid EnteredById { get; private set; }
    public DateTime EnteredAtUtc { get; private set; }
    public FigureStatus Status { get; private set; }
    public Guid? CheckedById { get; private set; }
    public DateTime? CheckedAtUtc { get; private set; }
    public string? RejectedReason { get; private set; }

    /// <summary>The entry this one corrects.</summary>
    public Guid? SupersedesId { get; private set; }

    /// <summary>The verified correction that replaced this entry.</summary>
    public Guid? SupersededById { get; private set; }

    public bool IsDemo { get; private set; }

    /// <summary>Brought in from the bureau's existing ledger (台账), where it was already counted.</summary>
    public bool IsImported { get; private set; }

    /// <summary>Whether the figure counts: verified and not replaced.</summary>
    public bool Counts => Status == FigureStatus.Verified;

    public void AttachEvidence(EvidenceType type, string fileName, string storedName, string contentType, long sizeBytes)
    {
        if (Status != FigureStatus.Pending)
        {
            throw new DomainConflictException("figure.not_pending", "Evidence can only be added while the entry awaits verification.");
        }

        EvidenceType = type;
        EvidenceFileName = fileName;
        EvidenceStoredName = storedName;
        EvidenceContentType = contentType;
        EvidenceSizeBytes = sizeBytes;
    }

    /// <summary>
    /// A manager who did not enter the figure confirms it. Verifying one's own entry is forbidden; a second
    /// verification, or one of a rejected or superseded entry, is a conflict.
    /// </summary>
    public void Verify(Guid checkerId, DateTime nowUtc)
    {
        EnsureChecker(checkerId);
        Status = FigureStatus.Verified;
        CheckedById = checkerId;
        CheckedAtUtc = nowUtc;
    }

    public void Reject(Guid checkerId, string reason, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("figure.reject_reason", "Rejecting a figure needs a reason.");
        }

        EnsureChecker(checkerId);
        Status = FigureStatus.Rejected;
        CheckedById = checkerId;
        CheckedAtUtc = nowUtc;
        RejectedReason = reason.Trim();
    }

    /// <summary>Called on the corrected entry when its correction is verified.</summary>
    public void SupersedeBy(Guid correctionId)
    {
        if (Status == FigureStatus.Superseded)
        {
            throw new DomainConflictException("figure.already_superseded", "This entry has already been superseded.");
        }

        Status = FigureStatus.Superseded;
        SupersededById = correctionId;
    }

    /// <summary>Whether a correction may name this entry: not itself replaced or refused.</summary>
    public void EnsureCorrectable()
    {
        if (Status is FigureStatus.Superseded or FigureStatus.Rejected)
        {
            throw new DomainConflictException("figure.already_superseded", "This entry has already been superseded or rejected; correct the current one.");
        }
    }

    public void MarkDemo() => IsDemo = true;

    /// <summary>
    /// A ledger import confirmed by a manager brings figures the bureau already reported: they count at once, checked by
    /// the manager who confirmed the import (the ledger itself is the maker's record).
    /// </summary>
    public void AcceptImported(Guid managerId, DateTime nowUtc)
    {
        if (Status != FigureStatus.Pending)
        {
            throw new DomainConflictException("figure.not_pending", "This figure has already been checked.");
        }

        IsImported = true;
        Status = FigureStatus.Verified;
        CheckedById = managerId;
        CheckedAtUtc = nowUtc;
    }

    private void EnsureChecker(Guid checkerId)
    {
        if (checkerId == EnteredById)
        {
            throw new DomainForbiddenException("figure.own_entry", "The person who entered a figure cannot verify it.");
        }

        if (Status != FigureStatus.Pending)
        {
            throw new DomainConflictException("figure.not_pending", "This figure has already been checked.");
        }
    }
}
