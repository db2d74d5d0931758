using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KunshanInvest.Application.Common.Security;

namespace KunshanInvest.Api.Tests;

/// <summary>Figure entries over HTTP: record with evidence, maker–checker, corrections, and every refusal the issue names.</summary>
public abstract class FigureApiTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    /// <summary>A month safely past whatever today is (the server's clock is real).</summary>
    private static readonly int LastMonth = Period(DateTime.UtcNow.AddMonths(-1));

    private static int Period(DateTime at) => (at.Year * 100) + at.Month;

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static MultipartFormDataContent Form(object figure, string fileName, byte[] content)
    {
        var form = new MultipartFormDataContent { { new StringContent(JsonSerializer.Serialize(figure), Encoding.UTF8, "application/json"), "figure" } };
        form.Add(new ByteArrayContent(content), "evidence", fileName);
        return form;
    }

    private static HttpRequestMessage Post(string url, HttpContent content, string? etag = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        }

        return request;
    }

    private async Task<(Guid Id, string ETag)> RecordAsync(HttpClient client, Guid project, object figure)
    {
        var response = await client.PostAsync($"/api/v1/projects/{project}/figures", Json(figure));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return ((await response.JsonAsync()).Id(), response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task An_officer_records_with_a_receipt_another_manager_verifies_and_the_project_counts_it()
    {
        var officerId = await fixture.UserIdAsync("officer");
        var project = await fixture.NewProjectAsync(officerId);
        using var officer = await fixture.ClientAsync("officer");
        using var manager = await fixture.ClientAsync("manager");
        using var partner = await fixture.ClientAsync("partner");

        var recorded = await officer.PostAsync($"/api/v1/projects/{project}/figures",
            Form(new { kind = "FundsInPlace", period = LastMonth, amount = 12_345_600_00L, currency = "CNY", foreignPart = 2_000_000_00L, evidenceType = "BankReceipt", note = "第二期到位" }, "进账单.pdf", PortalWork.PdfBytes));
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var entry = await recorded.JsonAsync();
        var id = entry.Id();
        Assert.Equal("Pending", entry.GetProperty("status").GetString());

        var byOfficer = await officer.SendAsync(Post($"/api/v1/figures/{id}/verify", Json(new { }), recorded.Headers.ETag!.ToString()));
        await byOfficer.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var queue = await (await manager.GetAsync("/api/v1/figures/pending?pageSize=200")).JsonAsync();
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), i => i.Id() == id);
        var before = await (await officer.GetAsync($"/api/v1/projects/{project}")).JsonAsync();
        Assert.Equal(0, before.GetProperty("realised").GetProperty("fundsInPlaceFen").GetInt64());

        var verified = await manager.SendAsync(Post($"/api/v1/figures/{id}/verify", Json(new { }), recorded.Headers.ETag!.ToString()));

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var after = await (await officer.GetAsync($"/api/v1/projects/{project}")).JsonAsync();
        Assert.Equal(12_345_600_00L, after.GetProperty("realised").GetProperty("fundsInPlaceFen").GetInt64());
        var list = await (await officer.GetAsync($"/api/v1/projects/{project}/figures")).JsonAsync();
        var row = Assert.Single(list.GetProperty("entries").EnumerateArray());
        Assert.Equal(("Verified", "进账单.pdf"), (row.GetProperty("status").GetString(), row.GetProperty("evidenceFileName").GetString()));
        Assert.Contains(list.GetProperty("totals").EnumerateArray(), t => t.GetProperty("kind").GetString() == "FundsInPlace" && t.GetProperty("quarter").ValueKind == JsonValueKind.Null && t.GetProperty("value").GetInt64() == 12_345_600_00L);

        var download = await officer.GetAsync($"/api/v1/figures/{id}/evidence");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(PortalWork.PdfBytes, await download.Content.ReadAsByteArrayAsync());
        await (await partner.GetAsync($"/api/v1/figures/{id}/evidence")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await partner.PostAsync($"/api/v1/projects/{project}/figures", Json(new { kind = "TaxPaid", period = LastMonth, amount = 1, currency = "CNY" }))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Verifying_ones_own_entry_is_403_and_a_second_verification_409()
    {
        var project = await fixture.NewProjectAsync(await fixture.UserIdAsync("officer"));
        using var manager = await fixture.ClientAsync("manager");
        var (_, manager2) = await fixture.NewUserAsync(Roles.Manager);
        using var _ = manager2;
        var (id, etag) = await RecordAsync(manager, project, new { kind = "TaxPaid", period = LastMonth, amount = 500_000_00L, currency = "CNY" });

        var own = await manager.SendAsync(Post($"/api/v1/figures/{id}/verify", Json(new { }), etag));
        var ownQueue = await (await manager.GetAsync("/api/v1/figures/pending?pageSize=200")).JsonAsync();
        var other = await manager2.SendAsync(Post($"/api/v1/figures/{id}/verify", Json(new { }), etag));
        var second = await manager2.SendAsync(Post($"/api/v1/figures/{id}/verify", Json(new { }), other.Headers.ETag!.ToString()));
        var noIfMatch = await manager2.SendAsync(Post($"/api/v1/figures/{id}/verify", Json(new { })));

        await own.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.DoesNotContain(ownQueue.GetProperty("items").EnumerateArray(), i => i.Id() == id);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(428, (int)noIfMatch.StatusCode);
    }

    [Fact]
    public async Task A_correction_supersedes_once_verified_and_superseding_twice_is_409()
    {
        var project = await fixture.NewProjectAsync(await fixture.UserIdAsync("officer"));
        using var officer = await fixture.ClientAsync("officer");
        using var manager = await fixture.ClientAsync("manager");
        var (id, etag) = await RecordAsync(officer, project, new { kind = "MainBusinessRevenue", period = LastMonth, amount = 9_000_000_00L, currency = "CNY" });
        var verified = await manager.SendAsync(Post($"/api/v1/figures/{id}/verify", Json(new { }), etag));
        var version = verified.Headers.ETag!.ToString();

        var correction = await officer.SendAsync(Post($"/api/v1/figures/{id}/correct", Json(new { amount = 8_000_000_00L, currency = "CNY", note = "统计报表更正" }), version));
        Assert.Equal(HttpStatusCode.Created, correction.StatusCode);
        var open = await officer.SendAsync(Post($"/api/v1/figures/{id}/correct", Json(new { amount = 7_000_000_00L, currency = "CNY" }), version));
        await open.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var done = await manager.SendAsync(Post($"/api/v1/figures/{(await correction.JsonAsync()).Id()}/verify", Json(new { }), correction.Headers.ETag!.ToString()));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        var list = await (await officer.GetAsync($"/api/v1/projects/{project}/figures")).JsonAsync();
        var old = list.GetProperty("entries").EnumerateArray().Single(e => e.Id() == id);
        Assert.Equal("Superseded", old.GetProperty("status").GetString());
        var again = await officer.SendAsync(Post($"/api/v1/figures/{id}/correct", Json(new { amount = 1_00L, currency = "CNY" }), $"W/\"{old.GetProperty("version").GetInt32()}\""));
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Another_officers_project_is_403()
    {
        var project = await fixture.NewProjectAsync(await fixture.UserIdAsync("officer"));
        using var colleague = await fixture.ClientAsync("officer2");

        var response = await colleague.PostAsync($"/api/v1/projects/{project}/figures", Json(new { kind = "TaxPaid", period = LastMonth, amount = 100_00L, currency = "CNY" }));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_missing_rate_is_422_naming_the_currency_and_the_year_and_a_future_month_422()
    {
        var project = await fixture.NewProjectAsync(await fixture.UserIdAsync("officer"));
        using var officer = await fixture.ClientAsync("officer");

        // The demo rates cover 2025 and 2026: a 2024 euro figure must not borrow 2025's.
        var missing = await officer.PostAsync($"/api/v1/projects/{project}/figures", Json(new { kind = "FundsInPlace", period = 202406, amount = 100_000_00L, currency = "EUR" }));
        var next = DateTime.UtcNow.AddMonths(1);
        var future = await officer.PostAsync($"/api/v1/projects/{project}/figures", Json(new { kind = "TaxPaid", period = Period(next), amount = 100_00L, currency = "CNY" }));

        var problem = await missing.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("EUR", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("2024", problem.GetRawText(), StringComparison.Ordinal);
        await future.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var list = await (await officer.GetAsync($"/api/v1/projects/{project}/figures")).JsonAsync();
        Assert.Empty(list.GetProperty("entries").EnumerateArray());
    }

    [Theory]
    [InlineData("{\"kind\":\"TaxPaid\",\"period\":202601,\"amount\":-1,\"currency\":\"CNY\"}")]
    [InlineData("{\"kind\":\"TaxPaid\",\"period\":202601,\"amount\":9223372036854775807,\"currency\":\"CNY\"}")]
    [InlineData("{\"kind\":\"TaxPaid\",\"period\":202601,\"amount\":99999999999999999999999,\"currency\":\"CNY\"}")]
    [InlineData("{\"kind\":\"TaxPaid\",\"period\":202613,\"amount\":1,\"currency\":\"CNY\"}")]
    [InlineData("{\"kind\":\"Jobs\",\"period\":202601,\"amount\":10,\"currency\":\"CNY\"}")]
    [InlineData("{\"kind\":\"TaxPaid\",\"period\":202601,\"amount\":100,\"currency\":\"CNY\",\"foreignPart\":5}")]
    [InlineData("{\"kind\":\"FundsInPlace\",\"period\":202601,\"amount\":100,\"currency\":\"CNY\",\"foreignPart\":101}")]
    [InlineData("{\"kind\":\"Bogus\",\"period\":202601,\"amount\":1}")]
    public async Task Bad_amounts_and_shapes_are_400(string body)
    {
        var project = await fixture.NewProjectAsync(await fixture.UserIdAsync("officer"));
        using var officer = await fixture.ClientAsync("officer");

        var response = await officer.PostAsync($"/api/v1/projects/{project}/figures", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("setup.exe", "MZ this is a program")]
    [InlineData("receipt.pdf", "MZ this is not a pdf")]
    [InlineData("receipt.pdf", "")]
    public async Task A_bad_upload_is_refused_and_nothing_is_saved(string fileName, string content)
    {
        var project = await fixture.NewProjectAsync(await fixture.UserIdAsync("officer"));
        using var officer = await fixture.ClientAsync("officer");

        var response = await officer.PostAsync($"/api/v1/projects/{project}/figures",
            Form(new { kind = "FundsInPlace", period = LastMonth, amount = 100_00L, currency = "CNY", evidenceType = "BankReceipt" }, fileName, Encoding.ASCII.GetBytes(content)));

        Assert.Contains((int)response.StatusCode, new[] { 400, 422 });
        await response.ShouldBeProblemAsync(response.StatusCode);
        var list = await (await officer.GetAsync($"/api/v1/projects/{project}/figures")).JsonAsync();
        Assert.Empty(list.GetProperty("entries").EnumerateArray());
    }
}

public sealed class SqliteFigureApiTests(SqliteApp fixture) : FigureApiTests<SqliteApp>(fixture);

public sealed class PostgresFigureApiTests(PostgresApp fixture) : FigureApiTests<PostgresApp>(fixture);
