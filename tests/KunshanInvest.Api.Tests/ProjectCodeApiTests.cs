using System.Net;
using System.Net.Http.Json;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Persistence.Bookkeeping;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// Project codes under concurrency (issue 9's load run, ADR 0020): leads and triage acceptances sent at once each get
/// a code of their own from the per-year counter, none is refused and none is renumbered.
/// </summary>
public abstract class ProjectCodeApiTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const int Leads = 32;
    private const int Acceptances = 8;

    private static string Year => $"KS-{DateTime.UtcNow.Year}-";

    [Fact]
    public async Task Thirty_two_leads_sent_at_once_are_all_created_with_distinct_codes_of_the_year()
    {
        var sector = await fixture.SectorIdAsync();
        var clients = new List<HttpClient>();
        for (var i = 0; i < Leads; i++)
        {
            clients.Add(await fixture.ClientAsync("officer")); // one sign-in, then the cached token
        }

        var before = await fixture.QueryAsync(db => db.Projects.CountAsync());
        var tag = $"{Guid.NewGuid():N}"[..8];

        try
        {
            var responses = await Task.WhenAll(clients.Select((client, i) => Task.Run(() => client.PostAsJsonAsync("/api/v1/projects", new
            {
                newEnterprise = new { nameZh = $"并发线索企业 {tag} {i:00}", country = "DE", ownership = "Foreign" },
                sectorId = sector,
                source = "Expo",
            }))));

            var statuses = string.Join(", ", responses.Select(r => (int)r.StatusCode));
            Assert.True(responses.All(r => r.StatusCode == HttpStatusCode.Created), statuses);
            var codes = new List<string>();
            foreach (var response in responses)
            {
                codes.Add((await response.JsonAsync()).GetProperty("code").GetString()!);
            }

            Assert.Equal(Leads, codes.Distinct(StringComparer.Ordinal).Count());
            Assert.All(codes, c => Assert.Matches($"^{Year}[0-9]{{5}}$", c));
            Assert.Equal(before + Leads, await fixture.QueryAsync(db => db.Projects.CountAsync()));
            var stored = await fixture.QueryAsync(db => db.Projects.Where(p => codes.Contains(p.Code)).Select(p => p.Code).ToListAsync());
            Assert.Equal(codes.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
            var counter = await fixture.QueryAsync(db => db.Set<ProjectCodeCounter>().Where(c => c.Year == DateTime.UtcNow.Year).Select(c => c.Last).SingleAsync());
            Assert.True(counter >= codes.Max(c => int.Parse(c[Year.Length..], System.Globalization.CultureInfo.InvariantCulture)), $"counter {counter}");
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    [Fact]
    public async Task Submissions_accepted_at_once_each_become_a_project_with_its_own_code()
    {
        var partner = await fixture.NewPartnerAsync();
        var sector = await fixture.SectorIdAsync();
        var submissions = new List<Guid>();
        for (var i = 0; i < Acceptances; i++)
        {
            submissions.Add((await (await partner.Client.SubmitJsonAsync(PortalWork.Body(sector))).JsonAsync()).Id());
        }

        var (_, officer) = await fixture.NewUserAsync(Roles.Officer);
        var clients = submissions.Select(_ => fixture.App.CreateClient()).ToArray();
        foreach (var client in clients)
        {
            client.DefaultRequestHeaders.Authorization = officer.DefaultRequestHeaders.Authorization;
        }

        try
        {
            var responses = await Task.WhenAll(submissions.Select((id, i) => Task.Run(() => clients[i].PostAsJsonAsync($"/api/v1/triage/submissions/{id}/accept", new { }))));

            var codes = new List<string>();
            foreach (var response in responses)
            {
                codes.Add((await response.JsonAsync()).GetProperty("projectCode").GetString()!);
            }

            Assert.Equal(Acceptances, codes.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(Acceptances, await fixture.QueryAsync(db => db.Projects.CountAsync(p => codes.Contains(p.Code))));
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }

            officer.Dispose();
            partner.Client.Dispose();
        }
    }
}

public sealed class SqliteProjectCodeApiTests(SqliteApp fixture) : ProjectCodeApiTests<SqliteApp>(fixture);

public sealed class PostgresProjectCodeApiTests(PostgresApp fixture) : ProjectCodeApiTests<PostgresApp>(fixture);
