using KunshanInvest.Api.Commands;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Infrastructure.Synthetic;

namespace KunshanInvest.Api.Tests;

public sealed class SeedVerbTests
{
    [Fact]
    public void The_seed_verb_takes_its_own_options_and_leaves_the_hosts_to_the_host()
    {
        var (verb, host) = HostVerbs.Split(["seed", "--synthetic", "100000", "--seed", "7", "--as-of", "2025-12-31", "--force", "--Database:Provider", "PostgreSql"]);

        Assert.IsType<SeedVerb>(verb);
        Assert.Equal(["--Database:Provider", "PostgreSql"], host);
    }

    [Fact]
    public void Without_a_verb_every_argument_is_the_hosts()
    {
        var (verb, host) = HostVerbs.Split(["--Seed:Demo=true"]);

        Assert.Null(verb);
        Assert.Equal(["--Seed:Demo=true"], host);
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("seed --synthetic many")]
    [InlineData("seed --synthetic 100 --as-of 27/11/2026")]
    [InlineData("seed --synthetic 100 --interactions-per-project lots")]
    public async Task Bad_seed_arguments_print_the_usage_and_exit_2_without_touching_a_database(string line)
    {
        var (verb, _) = HostVerbs.Split(line.Split(' '));
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            // No services at all: a verb with bad arguments must not reach for the database.
            Assert.Equal(2, await verb!.RunAsync(EmptyServices.Instance, CancellationToken.None));
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Contains("usage: seed --synthetic N", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_credit_codes_pass_the_GB_32100_check_and_do_not_repeat()
    {
        var codes = Enumerable.Range(0, 200_000).Select(i => SyntheticData.CreditCodeFor(i)).ToList();

        Assert.All(codes.Take(5_000), code => Assert.True(CreditCode.IsValid(code), code));
        Assert.True(CreditCode.IsValid(codes[^1]));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_random_stream_is_fixed_by_its_seed_and_purpose()
    {
        var a = SyntheticRandom.Stream(42, "projects");
        var b = SyntheticRandom.Stream(42, "projects");
        var other = SyntheticRandom.Stream(42, "enterprises");

        var first = Enumerable.Range(0, 5).Select(_ => a.NextUInt64()).ToList();
        Assert.Equal(first, Enumerable.Range(0, 5).Select(_ => b.NextUInt64()));
        Assert.NotEqual(first[0], other.NextUInt64());

        // Pinned: a change to the algorithm would silently change every generated database.
        Assert.Equal(0x322E_754D_2927_2F8CUL, first[0]);
    }

    [Fact]
    public void Ids_are_version_7_and_carry_their_rows_time()
    {
        var random = SyntheticRandom.Stream(1, "ids");
        var at = new DateTime(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc);

        var id = random.NextId(at);
        var later = random.NextId(at.AddSeconds(1));

        Assert.Equal(7, id.Version);
        Assert.True(later.CompareTo(id) > 0);
        Assert.Equal(id.ToString()[..8], Guid.CreateVersion7(new DateTimeOffset(at)).ToString()[..8]);
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => throw new InvalidOperationException($"A bad command line asked for {serviceType.Name}.");
    }
}
