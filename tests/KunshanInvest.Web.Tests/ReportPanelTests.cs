using KunshanInvest.Application.Reports;
using KunshanInvest.Web.Components.Reports;
using KunshanInvest.Web.Text;
using Microsoft.AspNetCore.Components;

namespace KunshanInvest.Web.Tests;

public sealed class ReportPanelTests : ComponentTest
{
    private IRenderedComponent<ReportPanel> RenderPanel(bool loading = false, bool empty = false) =>
        Render<ReportPanel>(p => p
            .Add(x => x.Title, "漏斗")
            .Add(x => x.CsvHref, "/api/v1/reports/funnel.csv?sectorId=1")
            .Add(x => x.TestId, "funnel-panel")
            .Add(x => x.DownloadTestId, "download-funnel")
            .Add(x => x.Loading, loading)
            .Add(x => x.Empty, empty)
            .Add(x => x.EmptyText, "暂无数据")
            .Add(x => x.ChildContent, (RenderFragment)(b => b.AddMarkupContent(0, "<table data-testid=\"report-body\"></table>"))));

    [Fact]
    public void With_data_it_shows_the_title_the_content_and_the_csv_link_under_the_filter()
    {
        var cut = RenderPanel();

        Assert.Contains("漏斗", cut.Find("[data-testid=funnel-panel]").TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=report-body]"));
        var link = cut.Find("[data-testid=download-funnel]");
        Assert.Equal("/api/v1/reports/funnel.csv?sectorId=1", link.GetAttribute("href"));
        Assert.Equal(T.DownloadData, link.TextContent.Trim());
    }

    [Fact]
    public void While_loading_it_shows_a_progress_bar_instead_of_the_content()
    {
        var cut = RenderPanel(loading: true);

        Assert.Single(cut.FindAll("[data-testid=report-loading]"));
        Assert.Empty(cut.FindAll("[data-testid=report-body]"));
    }

    [Fact]
    public void When_empty_it_shows_the_empty_text_instead_of_the_content_but_keeps_the_download()
    {
        var cut = RenderPanel(empty: true);

        Assert.Contains("暂无数据", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=report-body]"));
        Assert.Single(cut.FindAll("[data-testid=download-funnel]"));
    }

    [Fact]
    public void A_panel_without_test_ids_renders_no_empty_test_id_attributes()
    {
        var cut = Render<ReportPanel>(p => p.Add(x => x.Title, "趋势").Add(x => x.CsvHref, "/api/v1/reports/trend.csv"));

        Assert.Empty(cut.FindAll("[data-testid]"));
        Assert.Equal("/api/v1/reports/trend.csv", cut.Find("a").GetAttribute("href"));
    }

    [Fact]
    public void The_csv_address_carries_every_filter_set_and_nothing_else()
    {
        var sector = Guid.NewGuid();
        var officer = Guid.NewGuid();

        var href = ReportLinks.Href("stalled.csv", new ReportFilter { From = new DateOnly(2026, 1, 1), SectorId = sector, OfficerId = officer });

        Assert.Equal($"/api/v1/reports/stalled.csv?from=2026-01-01&sectorId={sector}&officerId={officer}", href);
        Assert.Equal("/api/v1/reports/stalled.csv", ReportLinks.Href("stalled.csv", new ReportFilter()));
    }
}
