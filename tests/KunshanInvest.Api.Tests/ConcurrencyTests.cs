using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using KunshanInvest.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// Parallel edits with the same If-Match version (issue 8): exactly one wins, every other one is a 409 problem, the
/// winner's values are what is stored (no lost update), the version moves by one and the trail has one row for it.
/// </summary>
public abstract class ConcurrencyTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const int Editors = 12;

    [Fact]
    public async Task Parallel_edits_of_one_project_with_the_same_version_let_exactly_one_win()
    {
        var officerId = await fixture.UserIdAsync("officer");
        var id = await fixture.NewProjectAsync(officerId);
        using var officer = await fixture.ClientAsync("officer");
        var read = await officer.GetAsync($"/api/v1/projects/{id}");
        var project = await read.JsonAsync();
        var etag = read.Headers.ETag!.ToString();
        var enterpriseId = project.GetProperty("enterpriseId").GetGuid();
        var before = DateTime.UtcNow.AddSeconds(-1);

        var responses = await Task.WhenAll(Enumerable.Range(0, Editors).Select(i => Task.Run(() => officer.SendAsync(Put($"/api/v1/projects/{id}", etag, new
        {
            name = $"并发编辑 {i}",
            enterpriseId,
            source = "WalkIn",
            isMajor = i % 2 == 0,
            blockingIssues = $"卡点 {i}",
            ownerId = officerId,
        })))));

        var winner = await OneWinnerAsync(responses);
        var after = await officer.GetAsync($"/api/v1/projects/{id}");
        var stored = await after.JsonAsync();
        Assert.Equal($"并发编辑 {winner}", stored.GetProperty("name").GetString());
        Assert.Equal($"卡点 {winner}", stored.GetProperty("blockingIssues").GetString());
        Assert.Equal(winner % 2 == 0, stored.GetProperty("isMajor").GetBoolean());
        Assert.Equal(Version(etag) + 1, Version(after.Headers.ETag!.ToString()));
        Assert.Equal(responses[winner].Headers.ETag!.ToString(), after.Headers.ETag!.ToString());
        Assert.Equal(1, await UpdatesAsync("InvestmentProject", id, before));
    }

    [Fact]
    public async Task Parallel_edits_of_one_enterprise_with_the_same_version_let_exactly_one_win()
    {
        using var officer = await fixture.ClientAsync("officer");
        var name = $"并发企业 {Guid.NewGuid():N}"[..14];
        var created = await officer.PostAsJsonAsync("/api/v1/enterprises", new { nameZh = name, country = "DE", ownership = "Foreign" });
        var id = (await created.JsonAsync()).Id();
        var etag = created.Headers.ETag!.ToString();
        var before = DateTime.UtcNow.AddSeconds(-1);

        var responses = await Task.WhenAll(Enumerable.Range(0, Editors).Select(i => Task.Run(() => officer.SendAsync(Put($"/api/v1/enterprises/{id}", etag, new
        {
            nameZh = name,
            country = "DE",
            ownership = "Foreign",
            website = $"https://w{i}.example.com",
            listed = i % 2 == 1,
        })))));

        var winner = await OneWinnerAsync(responses);
        var after = await officer.GetAsync($"/api/v1/enterprises/{id}");
        var stored = await after.JsonAsync();
        Assert.Equal($"https://w{winner}.example.com", stored.GetProperty("website").GetString());
        Assert.Equal(winner % 2 == 1, stored.GetProperty("listed").GetBoolean());
        Assert.Equal(Version(etag) + 1, Version(after.Headers.ETag!.ToString()));
        Assert.Equal(1, await UpdatesAsync("Enterprise", id, before));
    }

    /// <summary>Exactly one 2xx, every other a 409 problem details; returns the winner's index.</summary>
    private static async Task<int> OneWinnerAsync(HttpResponseMessage[] responses)
    {
        var winners = responses.Select((r, i) => (r, i)).Where(x => x.r.IsSuccessStatusCode).Select(x => x.i).ToList();
        var statuses = string.Join(", ", responses.Select(r => (int)r.StatusCode));
        Assert.True(winners.Count == 1, $"expected one winner, got: {statuses}");
        foreach (var loser in responses.Where(r => !r.IsSuccessStatusCode))
        {
            await loser.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        }

        return winners[0];
    }

    private Task<int> UpdatesAsync(string entityType, Guid id, DateTime sinceUtc)
    {
        var key = id.ToString();
        return fixture.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == entityType && a.EntityId == key && a.Action == AuditAction.Updated && a.AtUtc >= sinceUtc));
    }

    private static HttpRequestMessage Put(string path, string etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        return request;
    }

    private static int Version(string etag) => int.Parse(etag.Trim('W', '/', '"'), System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class SqliteConcurrencyTests(SqliteApp fixture) : ConcurrencyTests<SqliteApp>(fixture);

public sealed class PostgresConcurrencyTests(PostgresApp fixture) : ConcurrencyTests<PostgresApp>(fixture);
