namespace KunshanInvest.Application.Enterprises.Duplicates;

/// <summary>
/// The enterprise being entered looks like existing ones (409 with the candidates). When one of them holds the same
/// credit code it is the same legal entity and <see cref="CanConfirm"/> is false: no confirmation can create it twice.
/// </summary>
public sealed class DuplicateEnterpriseException(IReadOnlyList<DuplicateCandidate> candidates)
    : Exception(Describe(candidates))
{
    public IReadOnlyList<DuplicateCandidate> Candidates { get; } = candidates;

    public bool CanConfirm => Candidates.All(c => c.Reason != EnterpriseDuplicates.SameCreditCode);

    public string Code => CanConfirm ? "enterprise.possibleDuplicate" : "enterprise.creditCodeTaken";

    private static string Describe(IReadOnlyList<DuplicateCandidate> candidates) =>
        candidates.Any(c => c.Reason == EnterpriseDuplicates.SameCreditCode)
            ? "已有企业使用该统一社会信用代码 / An enterprise with this credit code already exists."
            : "已有名称相同或相近的企业；确认不是同一家后可再次提交 (confirmNotDuplicate) / Enterprises with the same name exist; resend with confirmNotDuplicate if this is a different company.";
}
