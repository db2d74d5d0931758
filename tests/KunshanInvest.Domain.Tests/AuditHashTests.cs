using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KunshanInvest.Domain.Auditing;

namespace KunshanInvest.Domain.Tests;

public sealed class AuditHashTests
{
    private static readonly DateTime At = new(2026, 11, 27, 9, 30, 15, 123, DateTimeKind.Utc);
    private static readonly Guid Actor = Guid.Parse("0193a2b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b");

    private static string Hash(long sequence = 7, string? previous = null, DateTime? at = null, Guid? actor = null, string name = "officer",
        string type = "Sector", string id = "coffee", AuditAction action = AuditAction.Updated, string changes = """[{"Field":"NameZh","Old":"咖啡","New":"精品咖啡"}]""") =>
        AuditHash.Compute(sequence, previous ?? AuditHash.Genesis, at ?? At, actor ?? Actor, name, type, id, action, changes);

    [Fact]
    public void The_hash_is_SHA_256_of_the_documented_version_1_encoding()
    {
        // Arrange: the encoding spelled out by hand, as a reader of docs/adr/0017 would build it.
        var changes = """[{"Field":"NameZh","Old":"咖啡","New":"精品咖啡"}]""";
        var ticks = At.Ticks.ToString(CultureInfo.InvariantCulture);
        var text = "KI-AUDIT-1" + "1:7," + "64:" + AuditHash.Genesis + "," + $"{ticks.Length}:{ticks}," + "36:" + Actor.ToString("D") + ","
            + "7:officer," + "6:Sector," + "6:coffee," + "1:1," + $"{Encoding.UTF8.GetByteCount(changes)}:{changes},";

        // Act / Assert
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), Hash());
        Assert.Matches("^[0-9a-f]{64}$", Hash());
    }

    [Fact]
    public void Every_field_changes_the_hash()
    {
        var original = Hash();
        string[] altered =
        [
            Hash(sequence: 8), Hash(previous: new string('1', 64)), Hash(at: At.AddMilliseconds(1)), Hash(actor: Guid.Empty),
            Hash(name: "admin"), Hash(type: "Park"), Hash(id: "food"), Hash(action: AuditAction.Deleted), Hash(changes: "[]"),
        ];

        Assert.All(altered, h => Assert.NotEqual(original, h));
        Assert.Equal(altered.Length, altered.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Field_boundaries_are_part_of_the_encoding()
    {
        // "ab" + "c" and "a" + "bc" would read the same if the fields were only concatenated.
        Assert.NotEqual(Hash(type: "ab", id: "c"), Hash(type: "a", id: "bc"));
        Assert.NotEqual(
            AuditHash.Compute(1, AuditHash.Genesis, At, null, "x", "T", "1", AuditAction.Created, "[]"),
            AuditHash.Compute(1, AuditHash.Genesis, At, Guid.Empty, "x", "T", "1", AuditAction.Created, "[]"));
    }

    [Fact]
    public void The_hash_does_not_depend_on_the_current_culture()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ar-SA");
            var arabic = Hash(sequence: -1234567);
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
            Assert.Equal(arabic, Hash(sequence: -1234567));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Sub_microsecond_ticks_are_not_hashed_because_PostgreSQL_does_not_keep_them()
    {
        Assert.Equal(Hash(at: At.AddTicks(3)), Hash(at: At));
        Assert.NotEqual(Hash(at: At.AddTicks(10)), Hash(at: At));
    }

    [Fact]
    public void Linking_an_entry_stores_its_place_and_a_hash_that_recomputes()
    {
        var entry = new AuditEntry(At, Actor, "officer", "Sector", "coffee", AuditAction.Created, "[]");

        var hash = entry.Link(42, new string('a', 64));

        Assert.Equal(42, entry.Sequence);
        Assert.Equal(new string('a', 64), entry.PreviousHash);
        Assert.Equal(hash, entry.Hash);
        Assert.Equal(hash, AuditHash.Compute(entry));
    }
}
