namespace KunshanInvest.Application.Enterprises.Duplicates;

/// <summary>The enterprise being entered looks like existing ones (409 with the candidates); the user picks one or confirms it is new.</summary>
public sealed class DuplicateEnterpriseException(IReadOnlyList<DuplicateCandidate> candidates)
    : Exception("企业可能已存在 / This enterprise may already exist: pick the existing record or confirm it is a different company.")
{
    public IReadOnlyList<DuplicateCandidate> Candidates { get; } = candidates;
}
