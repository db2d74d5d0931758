using System.Data.Common;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using KunshanInvest.Api.Commands;
using KunshanInvest.Api.Security;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Projects;
using KunshanInvest.Application.Projects.GetProject;
using KunshanInvest.Application.Projects.ListProjects;
using KunshanInvest.Application.Sectors.GetSectorOverview;
using KunshanInvest.Domain.FollowUps;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Persistence;
using KunshanInvest.Infrastructure.Synthetic;
using KunshanInvest.Testing;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Api.Tests;

/// <summary>The real host over its own empty database, reference seed only (or demo data too, to test the refusal).</summary>
public sealed class SyntheticHost(DatabaseProvider provider, string connectionString, bool demo = false) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("Database:ConnectionString", connectionString);
        builder.UseSetting("Seed:Demo", demo ? "true" : "false");
        builder.UseSetting("Jobs:Enabled", "false"); // a reminder run would stamp follow-ups between the two hashes
    }

    public async Task<SyntheticReport> GenerateAsync(SyntheticOptions options)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SyntheticSeeder>().RunAsync(options, null, CancellationToken.None);
    }

    /// <summary>
    /// SHA-256 over every synthetic table, rows sorted. Keys of reference rows (sectors, parks, roles, seeded
    /// enterprises), which the reference seed draws afresh in each database, are replaced by their natural keys.
    /// </summary>
    public async Task<string> ContentHashAsync(IReadOnlyDictionary<Guid, string> referenceLabels)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in new[] { "AspNetUsers", "AspNetUserRoles", "OfficerSectors", "ExchangeRates", "Enterprises", "Projects", "StageChanges", "Interactions", "FollowUps" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Normal(reader, i, referenceLabels))));
            }

            rows.Sort(StringComparer.Ordinal);
            sha.AppendData(Encoding.UTF8.GetBytes(table + "\n" + string.Join('\n', rows)));
        }

        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static string Normal(DbDataReader reader, int i, IReadOnlyDictionary<Guid, string> labels)
    {
        var value = reader.GetValue(i);
        var id = value switch
        {
            Guid g => g,
            string s when s.Length == 36 && Guid.TryParse(s, out var g) => g,
            _ => (Guid?)null,
        };
        if (id is { } key)
        {
            return labels.TryGetValue(key, out var label) ? label : key.ToString();
        }

        return value switch
        {
            DBNull => "∅",
            DateTime d => d.Ticks.ToString(CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }

    /// <summary>Natural keys of the rows the reference seed made in this database.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> ReferenceLabelsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var labels = new Dictionary<Guid, string>();
        foreach (var s in await db.Sectors.Select(s => new { s.Id, s.Code }).ToListAsync())
        {
            labels[s.Id] = "sector:" + s.Code;
        }

        foreach (var p in await db.Parks.Select(p => new { p.Id, p.Code }).ToListAsync())
        {
            labels[p.Id] = "park:" + p.Code;
        }

        foreach (var r in await db.Roles.Select(r => new { r.Id, r.Name }).ToListAsync())
        {
            labels[r.Id] = "role:" + r.Name;
        }

        foreach (var e in await db.Enterprises.Select(e => new { e.Id, e.NameZh, e.NameEn }).ToListAsync())
        {
            labels[e.Id] = "enterprise:" + (e.NameZh ?? e.NameEn);
        }

        return labels;
    }

    /// <summary>Sends a request through the real Mediator pipeline as a manager.</summary>
    public async Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Name, "manager"), new Claim(ClaimTypes.Role, Roles.Manager)], "test"));
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}

/// <summary>Two databases generated with the same arguments, once per provider and test class.</summary>
public abstract class SyntheticFixture : IAsyncLifetime
{
    public const int Projects = 2000;

    public static readonly SyntheticOptions Options = new() { Projects = Projects, Seed = 42, AsOf = new DateOnly(2026, 11, 27) };

    private readonly List<SyntheticHost> _hosts = [];

    public string? UnavailableReason { get; private set; }

    public SyntheticHost? First { get; private set; }

    public SyntheticReport? FirstReport { get; private set; }

    public string? FirstHash { get; private set; }

    public string? SecondHash { get; private set; }

    protected abstract DatabaseProvider Provider { get; }

    /// <summary>A connection string of a new empty database, or null with the reason there is none.</summary>
    protected abstract Task<(string? ConnectionString, string? Unavailable)> NewDatabaseAsync();

    public async Task<SyntheticHost> NewHostAsync(bool demo = false)
    {
        var (connectionString, unavailable) = await NewDatabaseAsync();
        Requirement.Need(unavailable);
        var host = new SyntheticHost(Provider, connectionString!, demo);
        _hosts.Add(host);
        _ = host.Server; // migrate and load the reference seed
        return host;
    }

    public async ValueTask InitializeAsync()
    {
        var (_, unavailable) = await NewDatabaseAsync();
        UnavailableReason = unavailable;
        if (unavailable is not null)
        {
            return;
        }

        First = await NewHostAsync();
        FirstReport = await First.GenerateAsync(Options);
        FirstHash = await First.ContentHashAsync(await First.ReferenceLabelsAsync());
        var second = await NewHostAsync();
        await second.GenerateAsync(Options);
        SecondHash = await second.ContentHashAsync(await second.ReferenceLabelsAsync());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }
}

public sealed class SqliteSyntheticFixture : SyntheticFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<(string?, string?)> NewDatabaseAsync()
    {
        var folder = Directory.CreateTempSubdirectory("ki-synth-").FullName;
        return Task.FromResult<(string?, string?)>(($"Data Source={Path.Combine(folder, "synthetic.db")}", null));
    }
}

public sealed class PostgresSyntheticFixture : SyntheticFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override async Task<(string?, string?)> NewDatabaseAsync()
    {
        var unavailable = await PostgresServer.UnavailableReasonAsync();
        return unavailable is null ? (await PostgresServer.CreateDatabaseAsync("ki_synth"), null) : (null, unavailable);
    }
}

public abstract class SyntheticDataTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : SyntheticFixture
{
    private static readonly DateTime AsOfEnd = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc); // 18:00 in Kunshan

    private SyntheticHost Host
    {
        get
        {
            Requirement.Need(fixture.UnavailableReason);
            return fixture.First!;
        }
    }

    [Fact]
    public async Task Generates_the_volumes_issue_9_asks_for_scaled_to_n()
    {
        var host = Host;
        var counts = await host.QueryAsync(async db => new
        {
            Projects = await db.Projects.CountAsync(p => p.Code.StartsWith(SyntheticData.CodePrefix)),
            Enterprises = await db.Enterprises.CountAsync(),
            Interactions = await db.Interactions.CountAsync(),
            FollowUps = await db.FollowUps.CountAsync(),
            Changes = await db.StageChanges.CountAsync(),
            Officers = await db.Users.CountAsync(u => u.UserName!.StartsWith(SyntheticData.OfficerPrefix)),
            Audited = await db.AuditEntries.CountAsync(a => a.EntityType == "InvestmentProject"),
        });

        Assert.Equal(SyntheticFixture.Projects, counts.Projects);
        Assert.Equal(SyntheticFixture.Projects / 2, counts.Enterprises - ReferenceCount);
        Assert.Equal(SyntheticFixture.Projects * 10, counts.Interactions);
        Assert.Equal(SyntheticFixture.Projects * 2, counts.FollowUps);
        Assert.Equal(5, counts.Officers);
        Assert.InRange(counts.Changes, SyntheticFixture.Projects * 2, SyntheticFixture.Projects * 6);
        Assert.Equal(counts.Changes, fixture.FirstReport!.Rows["stage changes"]);
        Assert.Equal(0, counts.Audited); // synthetic rows are not user mutations
    }

    [Fact]
    public void The_same_arguments_give_the_same_content()
    {
        _ = Host;
        Assert.NotNull(fixture.FirstHash);
        Assert.Equal(fixture.FirstHash, fixture.SecondHash);
    }

    [Fact]
    public async Task Another_seed_gives_other_content()
    {
        _ = Host;
        var other = await fixture.NewHostAsync();
        await other.GenerateAsync(SyntheticFixture.Options with { Seed = 7 });
        Assert.NotEqual(fixture.FirstHash, await other.ContentHashAsync(await other.ReferenceLabelsAsync()));
    }

    [Fact]
    public async Task The_funnel_has_every_stage_and_narrows_after_signing()
    {
        var stages = await Host.QueryAsync(db => db.Projects.GroupBy(p => p.Stage).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count));

        Assert.All(Enum.GetValues<ProjectStage>(), stage => Assert.True(stages.GetValueOrDefault(stage) > 0, $"no project at {stage}"));
        Assert.True(stages[ProjectStage.Lead] > stages[ProjectStage.Signed] * 3);
        Assert.True(stages[ProjectStage.Signed] > stages[ProjectStage.AtCapacity]);
    }

    [Fact]
    public async Task Every_project_carries_its_stage_gates_evidence_and_a_history_ending_at_its_stage()
    {
        var projects = await Host.QueryAsync(db => db.Projects.AsNoTracking().Include(p => p.StageChanges).Where(p => p.Code.StartsWith(SyntheticData.CodePrefix)).ToListAsync());

        var milestones = (await Host.QueryAsync(db => db.Milestones.AsNoTracking().ToListAsync())).ToLookup(m => m.ProjectId);
        var verified = (await Host.QueryAsync(db => db.FigureEntries.AsNoTracking().Where(f => f.Status == Domain.Figures.FigureStatus.Verified).ToListAsync())).ToLookup(f => f.ProjectId);

        Assert.Equal(SyntheticFixture.Projects, projects.Count);
        foreach (var project in projects)
        {
            var evidenceFor = project.Stage.IsPipeline() ? project.Stage : project.StageBeforeSideState!.Value;
            var missing = StageGates.Check(project, evidenceFor, FactsOf(milestones[project.Id], verified[project.Id]));
            Assert.True(missing.Count == 0, $"{project.Code} at {project.Stage} lacks {string.Join(", ", missing.Select(m => m.Field))}");

            var history = project.StageChanges.OrderBy(c => c.AtUtc).ToList();
            Assert.Null(history[0].From);
            Assert.Equal(ProjectStage.Lead, history[0].To);
            Assert.Equal(project.CreatedAtUtc, history[0].AtUtc);
            for (var i = 1; i < history.Count; i++)
            {
                Assert.Equal(history[i - 1].To, history[i].From);
                Assert.True(history[i].AtUtc > history[i - 1].AtUtc, $"{project.Code}: stage changes out of order");
            }

            Assert.Equal(project.Stage, history[^1].To);
            Assert.Equal(project.StageEnteredAtUtc, history[^1].AtUtc);
            Assert.True(project.LastActivityAtUtc >= project.StageEnteredAtUtc);
            Assert.True(project.LastActivityAtUtc <= AsOfEnd, $"{project.Code} has activity after the as-of day");
            Assert.Equal(project.PledgedInvestment is { MinorUnits: > 0 }, evidenceFor >= ProjectStage.Signed);
            Assert.Equal(project.Stage == ProjectStage.Lost, project.LostReason is not null);
        }
    }

    /// <summary>The gates' facts computed here from the rows, independently of the handlers' SQL.</summary>
    private static StageFacts FactsOf(IEnumerable<ProjectMilestone> milestones, IEnumerable<Domain.Figures.FigureEntry> verified)
    {
        var facts = milestones.Select(MilestoneFact.Of).ToList();
        long? Sum(MilestoneKind kind, Domain.Figures.FigureKind figure)
        {
            var month = facts.FirstOrDefault(m => m.Kind == kind && m.IsReached) is { } m ? MilestoneKinds.Month(m) : null;
            var (from, to) = Application.Milestones.StageFactsLoader.Window(month);
            return month is null ? null : verified.Where(f => f.Kind == figure && f.Period >= from && f.Period <= to).Sum(f => f.Value);
        }

        return new StageFacts(facts, new Application.Milestones.AboveScaleOptions().ThresholdFen(Domain.Enterprises.StatisticsType.Industrial),
            Sum(MilestoneKind.EnteredStatistics, Domain.Figures.FigureKind.MainBusinessRevenue), Sum(MilestoneKind.CapacityReached, Domain.Figures.FigureKind.IndustrialOutput));
    }

    [Fact]
    public async Task Last_activity_and_next_follow_up_agree_with_the_interactions_and_follow_ups()
    {
        var host = Host;
        var projects = await host.QueryAsync(db => db.Projects.AsNoTracking()
            .Select(p => new { p.Id, p.Code, p.EnterpriseId, p.StageEnteredAtUtc, p.LastActivityAtUtc, p.NextFollowUpOn }).ToListAsync());
        var interactions = await host.QueryAsync(db => db.Interactions.Where(i => i.ProjectId != null)
            .GroupBy(i => i.ProjectId!.Value)
            .Select(g => new { Id = g.Key, Last = g.Max(i => i.OccurredAtUtc), Enterprises = g.Select(i => i.EnterpriseId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Id));
        var open = await host.QueryAsync(db => db.FollowUps.Where(f => f.Status == FollowUpStatus.Open)
            .GroupBy(f => f.ProjectId).Select(g => new { Id = g.Key, Next = g.Min(f => f.DueOn) }).ToDictionaryAsync(x => x.Id, x => x.Next));
        var wrongEnterprise = await host.QueryAsync(db => db.Interactions.CountAsync(i => i.ProjectId != null && db.Projects.Any(p => p.Id == i.ProjectId && p.EnterpriseId != i.EnterpriseId)));

        Assert.Equal(0, wrongEnterprise);
        Assert.True(interactions.Count > SyntheticFixture.Projects / 2);
        foreach (var project in projects)
        {
            var last = interactions.TryGetValue(project.Id, out var i) && i.Last > project.StageEnteredAtUtc ? i.Last : project.StageEnteredAtUtc;
            Assert.Equal(last, project.LastActivityAtUtc);
            Assert.Equal(open.TryGetValue(project.Id, out var next) ? next : null, project.NextFollowUpOn);
        }
    }

    [Fact]
    public async Task The_project_list_pages_and_filters_the_generated_data()
    {
        var host = Host;
        var signed = await host.QueryAsync(db => db.Projects.CountAsync(p => p.Stage == ProjectStage.Signed));

        var first = await host.SendAsync(new ListProjects(new ProjectFilter()));
        var second = await host.SendAsync(new ListProjects(new ProjectFilter(), Cursor: first.NextCursor));
        var filtered = await host.SendAsync(new ListProjects(new ProjectFilter { Stages = [ProjectStage.Signed] }, PageSize: 200));

        Assert.Equal(SyntheticFixture.Projects, first.Total);
        Assert.Equal(50, first.Items.Count);
        Assert.Empty(first.Items.Select(p => p.Id).Intersect(second.Items.Select(p => p.Id)));
        Assert.True(first.Items[^1].LastActivityAtUtc >= second.Items[0].LastActivityAtUtc);
        Assert.All(first.Items, p => Assert.NotNull(p.OwnerName));
        Assert.Equal(signed, filtered.Total);
        Assert.All(filtered.Items, p => Assert.Equal(ProjectStage.Signed, p.Stage));

        var detail = await host.SendAsync(new GetProject(filtered.Items[0].Id));
        Assert.Equal(ProjectStage.Signed, detail.Stage);
    }

    [Fact]
    public async Task The_sector_overview_sums_the_generated_data()
    {
        var host = Host;
        var live = await host.QueryAsync(db => db.Projects.CountAsync(p => p.Stage != ProjectStage.Lost));
        var signed = await host.QueryAsync(db => db.Projects.CountAsync(p => p.Stage >= ProjectStage.Signed && p.Stage <= ProjectStage.AtCapacity));

        var overview = await host.SendAsync(new GetSectorOverview());

        Assert.Equal(live, overview.Sectors.Sum(s => s.ProjectCount));
        Assert.Equal(signed, overview.Sectors.Sum(s => s.SignedCount));
        Assert.True(overview.TotalPledgedFen > 0);
        Assert.True(overview.Sectors.Count(s => s.ProjectCount > 0) >= 3);
    }

    [Fact]
    public async Task A_second_run_into_the_same_database_is_refused()
    {
        var refused = await Assert.ThrowsAsync<SyntheticDataRefusedException>(() => Host.GenerateAsync(SyntheticFixture.Options));
        Assert.Contains("already holds synthetic data", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_with_real_projects_is_refused_unless_forced()
    {
        _ = Host;
        var withDemo = await fixture.NewHostAsync(demo: true);
        var small = SyntheticFixture.Options with { Projects = 50 };

        var refused = await Assert.ThrowsAsync<SyntheticDataRefusedException>(() => withDemo.GenerateAsync(small));
        Assert.Contains("--force", refused.Message, StringComparison.Ordinal);
        var demoProjects = await withDemo.QueryAsync(db => db.Projects.CountAsync());

        await withDemo.GenerateAsync(small with { Force = true });
        Assert.Equal(demoProjects + 50, await withDemo.QueryAsync(db => db.Projects.CountAsync()));
    }

    [Fact]
    public async Task The_seed_verb_generates_into_an_empty_database_then_refuses_a_second_run()
    {
        _ = Host;
        var host = await fixture.NewHostAsync();
        var (verb, _) = HostVerbs.Split(["seed", "--synthetic", "50", "--seed", "3"]);

        Assert.Equal(0, await verb!.RunAsync(host.Services, CancellationToken.None));
        Assert.Equal(50, await host.QueryAsync(db => db.Projects.CountAsync()));
        Assert.Equal(3, await verb.RunAsync(host.Services, CancellationToken.None));
        Assert.Equal(50, await host.QueryAsync(db => db.Projects.CountAsync()));
    }

    [Fact]
    public async Task Options_out_of_range_are_refused_before_touching_the_database()
    {
        var refused = await Assert.ThrowsAsync<SyntheticDataRefusedException>(() => Host.GenerateAsync(new SyntheticOptions { Projects = 0 }));
        Assert.Contains("--synthetic", refused.Message, StringComparison.Ordinal);
    }

    private static readonly int ReferenceCount = CountReferenceEnterprises();

    private static int CountReferenceEnterprises()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "seeds", "enterprises.json");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
        return json.RootElement.GetArrayLength();
    }
}

public sealed class SqliteSyntheticDataTests(SqliteSyntheticFixture fixture) : SyntheticDataTests<SqliteSyntheticFixture>(fixture);

public sealed class PostgresSyntheticDataTests(PostgresSyntheticFixture fixture) : SyntheticDataTests<PostgresSyntheticFixture>(fixture);
