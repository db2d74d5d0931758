namespace KunshanInvest.Infrastructure.Synthetic;

/// <summary>
/// SplitMix64: a tiny PRNG whose sequence is fixed by its seed on every runtime and platform (unlike
/// <see cref="Random"/>, whose seeded algorithm .NET does not promise to keep). Not for anything secret.
/// </summary>
internal sealed class SyntheticRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>An independent stream for one purpose, so adding draws to one stream leaves the others unchanged.</summary>
    public static SyntheticRandom Stream(int seed, string purpose)
    {
        var hash = 14695981039346656037UL; // FNV-1a over the purpose name: stable, unlike string.GetHashCode
        foreach (var c in purpose)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return new SyntheticRandom(((ulong)(uint)seed << 32 | (uint)seed) ^ hash);
    }

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="max"/>).</summary>
    public int Next(int max) => max <= 0 ? 0 : (int)(NextDouble() * max);

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public double Between(double min, double max) => min + (NextDouble() * (max - min));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Log-normal around <paramref name="median"/>: money and sizes are skewed, a few projects are huge.</summary>
    public double LogNormal(double median, double sigma)
    {
        // Box–Muller.
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return median * Math.Exp(sigma * normal);
    }

    /// <summary>An instant uniformly between two instants (whole seconds).</summary>
    public DateTime Between(DateTime from, DateTime to)
    {
        if (to <= from)
        {
            return from;
        }

        var seconds = (long)((to - from).TotalSeconds * NextDouble());
        return from.AddSeconds(seconds);
    }

    /// <summary>
    /// A version-7-shaped Guid for <paramref name="at"/>: the millisecond timestamp first, as Guid.CreateVersion7
    /// gives, so keys stay time-ordered like real ones; the remaining bits come from this stream.
    /// </summary>
    public Guid NextId(DateTime at)
    {
        Span<byte> bytes = stackalloc byte[16];
        var ms = (ulong)new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
        var a = NextUInt64();
        var b = NextUInt64();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(ms >> (40 - (8 * i)));
        }

        for (var i = 6; i < 16; i++)
        {
            bytes[i] = (byte)((i < 14 ? a : b) >> (8 * (i % 8)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F)); // version 7
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F)); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true);
    }
}

/// <summary>Draws an index by weight (cumulative table, binary search).</summary>
internal sealed class Weighted<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public Weighted(params (T Item, double Weight)[] entries)
    {
        _items = [.. entries.Select(e => e.Item)];
        _cumulative = new double[entries.Length];
        var sum = 0.0;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].Weight;
            _cumulative[i] = sum;
        }

        for (var i = 0; i < _cumulative.Length; i++)
        {
            _cumulative[i] /= sum;
        }
    }

    public T Draw(SyntheticRandom random)
    {
        var x = random.NextDouble();
        var index = Array.BinarySearch(_cumulative, x);
        index = index < 0 ? ~index : index + 1;
        return _items[Math.Min(index, _items.Length - 1)];
    }
}
