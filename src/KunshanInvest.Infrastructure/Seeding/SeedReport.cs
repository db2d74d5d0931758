namespace KunshanInvest.Infrastructure.Seeding;

/// <summary>What a seeding run added, per kind; a second run over the same files adds nothing.</summary>
public sealed class SeedReport
{
    private readonly SortedDictionary<string, (int Added, int Present)> _counts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, (int Added, int Present)> Counts => _counts;

    public int TotalAdded => _counts.Values.Sum(c => c.Added);

    internal void Count(string kind, bool added)
    {
        var (a, p) = _counts.GetValueOrDefault(kind);
        _counts[kind] = added ? (a + 1, p) : (a, p + 1);
    }

    public override string ToString() =>
        string.Join(", ", _counts.Select(c => $"{c.Key} +{c.Value.Added} (already {c.Value.Present})"));
}
