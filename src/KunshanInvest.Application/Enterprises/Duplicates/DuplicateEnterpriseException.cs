using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Enterprises.Duplicates;

/// <summary>
/// The enterprise being entered looks like existing ones (409 with the candidates). When one of them holds the same
/// credit code it is the same legal entity and <see cref="CanConfirm"/> is false: no confirmation can create it twice.
/// </summary>
public sealed class DuplicateEnterpriseException(IReadOnlyList<DuplicateCandidate> candidates)
    : Exception(Describe(candidates).En), ICodedException
{
    public IReadOnlyList<DuplicateCandidate> Candidates { get; } = candidates;

    public bool CanConfirm => Candidates.All(c => c.Reason != EnterpriseDuplicates.SameCreditCode);

    public string Code => CanConfirm ? "enterprise.possibleDuplicate" : "enterprise.creditCodeTaken";

    public Said Said => Describe(Candidates);

    private static Msg Describe(IReadOnlyList<DuplicateCandidate> candidates) =>
        candidates.Any(c => c.Reason == EnterpriseDuplicates.SameCreditCode)
            ? M.CreditCodeTaken
            : M.PossibleDuplicate;
}
