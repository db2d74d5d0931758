namespace KunshanInvest.Infrastructure.Persistence.Bookkeeping;

/// <summary>
/// The last project number handed out in a year (KS-2026-00042 → Year 2026, Last ≥ 42). Written only by the
/// allocator's single-statement UPDATE … RETURNING, never tracked by EF: it is bookkeeping, not business data, and
/// is not audited.
/// </summary>
public sealed class ProjectCodeCounter
{
    private ProjectCodeCounter() { }

    public int Year { get; private set; }

    public int Last { get; private set; }
}
