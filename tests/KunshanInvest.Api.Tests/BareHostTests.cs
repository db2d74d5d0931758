extern alias bench;

using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using KunshanInvest.Application.Common.Paging;
using KunshanInvest.Application.Projects;
using KunshanInvest.Application.Reports.GetPipelineFunnel;
using bench::KunshanInvest.Bench.Load;
using KunshanInvest.Domain.Projects;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// Keeps the bare endpoint host of scripts/load.sh honest: on the app's own (demo) database its one-statement list page
/// and its funnel SQL give the same rows and figures as the app's endpoints, so the load run compares equal work.
/// </summary>
public abstract class BareHostTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static readonly ProjectStage[] Stages = [.. Enum.GetValues<ProjectStage>().Where(s => s != ProjectStage.Lost)];

    private BareDatabase Bare()
    {
        var configuration = fixture.App.Services.GetRequiredService<IConfiguration>();
        return new BareDatabase(fixture.App.Provider, configuration["Database:ConnectionString"]!);
    }

    [Fact]
    public async Task The_list_page_is_the_apps_page_1_with_the_same_filter_and_sort()
    {
        var officer = await fixture.ClientAsync("officer");
        var query = string.Join("&", Stages.Select(s => $"stage={s}")) + "&major=false";
        var app = await officer.GetFromJsonAsync<Page<ProjectListItem>>($"/api/v1/projects?{query}", Json);
        await using var bare = Bare();

        var page = await bare.ListPage1Async(Stages, major: false, CancellationToken.None);

        Assert.NotEmpty(page.Items);
        Assert.Equal(app!.Total, page.Total);
        Assert.Equal(app.Items.Select(i => (i.Id, i.Code, i.OwnerName)), page.Items.Select(i => (i.Id, i.Code, i.OwnerName)));
        Assert.Equal(app.NextCursor is not null, page.HasMore);
    }

    [Fact]
    public async Task The_funnel_gives_the_apps_zone_wide_figures()
    {
        var manager = await fixture.ClientAsync("manager");
        var app = await manager.GetFromJsonAsync<PipelineFunnel>("/api/v1/reports/funnel", Json);
        await using var bare = Bare();

        var figures = await bare.FunnelAsync(app!.RateYear, CancellationToken.None);

        Assert.True(figures.Projects > 0);
        Assert.Equal(app.TotalProjects, figures.Projects);
        Assert.Equal(app.TotalPledgedFen, figures.Fen);
        Assert.Equal(app.TotalForeignCapitalUsdCents, figures.ForeignCapital);
        Assert.Equal(app.Cells.Count, figures.Cells);
        Assert.Equal(app.Stages.Select(s => s.Reached), figures.Reached);
    }

    [Fact]
    public async Task A_bare_lead_is_a_project_the_app_lists()
    {
        await using var bare = Bare();
        var target = await bare.LeadTargetAsync(CancellationToken.None);
        var owner = await bare.UserIdAsync("officer2");

        var lead = await bare.InsertLeadAsync(new LeadBody(target.EnterpriseId, target.SectorId, SourceChannel.BusinessReferral), owner, CancellationToken.None);

        var officer = await fixture.ClientAsync("officer2");
        var detail = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{lead!.Id}", Json);
        Assert.Equal(lead.Code, detail.GetProperty("code").GetString());
        Assert.Equal(nameof(ProjectStage.Lead), detail.GetProperty("stage").GetString());
        Assert.Null(await bare.InsertLeadAsync(new LeadBody(Guid.NewGuid(), target.SectorId, SourceChannel.BusinessReferral), owner, CancellationToken.None));
    }
}

public sealed class SqliteBareHostTests(SqliteApp fixture) : BareHostTests<SqliteApp>(fixture);

public sealed class PostgresBareHostTests(PostgresApp fixture) : BareHostTests<PostgresApp>(fixture);
