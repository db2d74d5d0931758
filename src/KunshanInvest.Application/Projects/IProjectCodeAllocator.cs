namespace KunshanInvest.Application.Projects;

/// <summary>
/// Reserves project numbers from the per-year counter (ADR 0020): each call is one atomic statement of its own, so
/// concurrent callers never receive the same number. Numbers are unique and rising, not gap-free: a save that fails
/// after reserving leaves its numbers unused.
/// </summary>
public interface IProjectCodeAllocator
{
    /// <summary>Reserves <paramref name="count"/> consecutive numbers of <paramref name="year"/> and returns the first.</summary>
    Task<int> ReserveAsync(int year, int count, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the counter of <paramref name="year"/> (every year when null) past the highest code already saved — for
    /// codes written without the allocator (demo seed, old data). One statement; never moves a counter back.
    /// </summary>
    Task CatchUpAsync(int? year, CancellationToken cancellationToken);
}
