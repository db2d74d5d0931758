using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// The service request endpoints over SQLite and PostgreSQL, on the demo seed's categories and departments (the demo
/// <c>dept</c> user handles 供电所): the loop end to end with a photo, the wrong role 403, another department 404,
/// bad input 400/422, a stale or missing If-Match 409/428.
/// </summary>
public abstract class ServiceRequestApiTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 7, 7, 7];

    private async Task<(Guid Category, Guid Power, Guid Hrss)> CatalogueAsync() => await fixture.QueryAsync(async db => (
        await db.ServiceCategories.Where(c => c.Code == "utilities").Select(c => c.Id).SingleAsync(),
        await db.Departments.Where(d => d.Code == "power").Select(d => d.Id).SingleAsync(),
        await db.Departments.Where(d => d.Code == "hrss").Select(d => d.Id).SingleAsync()));

    /// <summary>A project of <paramref name="owner"/> whose enterprise has landed (注册) unless <paramref name="landed"/> is false; its enterprise.</summary>
    private async Task<Guid> EnterpriseAsync(Guid owner, bool landed = true)
    {
        var project = await fixture.NewProjectAsync(owner);
        if (landed)
        {
            await fixture.QueryAsync(async db =>
            {
                var p = await db.Projects.SingleAsync(x => x.Id == project);
                p.ImportHistory([(ProjectStage.Registered, DateTime.UtcNow.AddDays(-3))], owner, "测试", DateTime.UtcNow);
                return await db.SaveChangesAsync();
            });
        }

        return await fixture.QueryAsync(db => db.Projects.Where(p => p.Id == project).Select(p => p.EnterpriseId!.Value).SingleAsync());
    }

    private static object Body(Guid enterprise, Guid category, Guid department, string description = "新厂房申请临时用电 630 kVA") =>
        new { enterpriseId = enterprise, categoryId = category, departmentId = department, description, contactName = "王经理", contactPhone = "0512-1234" };

    private static async Task<HttpResponseMessage> LogFormAsync(HttpClient client, object body, params (string Name, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent { { new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8), "request" } };
        foreach (var (name, content) in files)
        {
            form.Add(new ByteArrayContent(content), "files", name);
        }

        return await client.PostAsync("/api/v1/service-requests", form);
    }

    private static async Task<HttpResponseMessage> StepAsync(HttpClient client, Guid id, string step, object body, string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/service-requests/{id}/{step}") { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task An_officer_logs_with_a_photo_the_department_starts_and_closes_and_the_officer_records_the_visit()
    {
        var (category, power, _) = await CatalogueAsync();
        var (officer, officerClient) = await fixture.NewUserAsync(Roles.Officer);
        var enterprise = await EnterpriseAsync(officer);
        using var dept = await fixture.ClientAsync("dept");

        var logged = await LogFormAsync(officerClient, Body(enterprise, category, power), ("电表.png", Png));
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        var id = (await logged.JsonAsync()).Id();
        var detail = await (await dept.GetAsync($"/api/v1/service-requests/{id}")).JsonAsync();
        Assert.Equal("Accepted", detail.GetProperty("request").GetProperty("status").GetString());
        Assert.True(detail.GetProperty("canWork").GetBoolean());
        var attachment = detail.GetProperty("attachments")[0];
        var download = await dept.GetAsync($"/api/v1/service-requests/{id}/attachments/{attachment.Id()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());

        var queue = await (await dept.GetAsync("/api/v1/service-requests/?status=Accepted&pageSize=200")).JsonAsync();
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), r => r.Id() == id);

        var etag = logged.Headers.ETag!.ToString();
        var started = await StepAsync(dept, id, "start", new { }, etag);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        await (await StepAsync(dept, id, "close", new { reply = "已安排增容" }, etag)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await StepAsync(dept, id, "close", new { reply = "已安排增容" }, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var closed = await StepAsync(dept, id, "close", new { reply = "已安排增容" }, started.Headers.ETag!.ToString());
        Assert.Equal("Closed", (await closed.JsonAsync()).GetProperty("status").GetString());

        // The department may not record the return visit; the officer who logged it does.
        await (await StepAsync(dept, id, "visit", new { satisfaction = 5 }, closed.Headers.ETag!.ToString())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var visited = await StepAsync(officerClient, id, "visit", new { satisfaction = 5, comment = "满意" }, closed.Headers.ETag!.ToString());
        Assert.Equal("Visited", (await visited.JsonAsync()).GetProperty("status").GetString());

        var final = await (await officerClient.GetAsync($"/api/v1/service-requests/{id}")).JsonAsync();
        Assert.Equal(["Accepted", "Started", "Closed", "Visited"], final.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
        Assert.Equal(5, final.GetProperty("request").GetProperty("satisfaction").GetInt32());
        var due = await (await officerClient.GetAsync("/api/v1/service-requests/due")).JsonAsync();
        Assert.DoesNotContain(due.EnumerateArray(), r => r.Id() == id);
    }

    [Fact]
    public async Task Another_departments_request_is_a_404_and_the_wrong_role_a_403()
    {
        var (category, _, hrss) = await CatalogueAsync();
        var (officer, officerClient) = await fixture.NewUserAsync(Roles.Officer);
        var enterprise = await EnterpriseAsync(officer);
        var logged = await officerClient.PostAsJsonAsync("/api/v1/service-requests", Body(enterprise, category, hrss));
        var id = (await logged.JsonAsync()).Id();
        var etag = logged.Headers.ETag!.ToString();

        using var dept = await fixture.ClientAsync("dept");
        await (await dept.GetAsync($"/api/v1/service-requests/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await StepAsync(dept, id, "start", new { }, etag)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await StepAsync(dept, id, "close", new { reply = "x" }, etag)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var queue = await (await dept.GetAsync("/api/v1/service-requests/?pageSize=200")).JsonAsync();
        Assert.DoesNotContain(queue.GetProperty("items").EnumerateArray(), r => r.Id() == id);

        // A department user never reaches staff data, nor logs; an officer outside the department may not take a step.
        await (await dept.PostAsJsonAsync("/api/v1/service-requests", Body(enterprise, category, hrss))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await dept.GetAsync($"/api/v1/enterprises/{enterprise}/service-requests")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await dept.GetAsync("/api/v1/projects")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await StepAsync(officerClient, id, "start", new { }, etag)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var partner = await fixture.ClientAsync("partner");
        await (await partner.GetAsync($"/api/v1/service-requests/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var auditor = await fixture.ClientAsync("auditor");
        await (await auditor.GetAsync("/api/v1/service-requests/")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // A manager covers for the department.
        using var manager = await fixture.ClientAsync("manager");
        Assert.Equal(HttpStatusCode.OK, (await StepAsync(manager, id, "start", new { }, etag)).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_a_400_or_422_problem_and_nothing_is_saved()
    {
        var (category, power, _) = await CatalogueAsync();
        var (officer, client) = await fixture.NewUserAsync(Roles.Officer);
        var enterprise = await EnterpriseAsync(officer);
        var notLanded = await EnterpriseAsync(officer, landed: false);
        var before = await fixture.QueryAsync(db => db.ServiceRequests.CountAsync());

        var problem = await (await client.PostAsJsonAsync("/api/v1/service-requests", Body(notLanded, category, power))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("service.not_landed", problem.GetProperty("code").GetString());
        Assert.Contains("测试企业", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await client.PostAsJsonAsync("/api/v1/service-requests", Body(enterprise, category, power, description: ""))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsJsonAsync("/api/v1/service-requests", Body(enterprise, category, power, description: new string('长', 2001)))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsJsonAsync("/api/v1/service-requests", new { enterpriseId = enterprise })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await LogFormAsync(client, Body(enterprise, category, power), ("photo.png", "MZ\x90\x00"u8.ToArray()))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await LogFormAsync(client, Body(enterprise, category, power), [.. Enumerable.Range(0, 6).Select(i => ($"{i}.png", Png))])).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        using (var broken = new StringContent("--x\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\n{", Encoding.UTF8))
        {
            broken.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
            await (await client.PostAsync("/api/v1/service-requests", broken)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        }

        await (await client.GetAsync("/api/v1/service-requests/?status=Happy")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/v1/service-requests/?pageSize=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await fixture.QueryAsync(db => db.ServiceRequests.CountAsync()));

        var logged = await client.PostAsJsonAsync("/api/v1/service-requests", Body(enterprise, category, power));
        var id = (await logged.JsonAsync()).Id();
        using var dept = await fixture.ClientAsync("dept");
        var etag = logged.Headers.ETag!.ToString();
        await (await StepAsync(dept, id, "close", new { reply = "" }, etag)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await StepAsync(dept, id, "reassign", new { departmentId = power }, etag)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await StepAsync(dept, id, "reassign", new { departmentId = Guid.NewGuid() }, etag)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await StepAsync(dept, id, "reassign", new { }, etag)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await StepAsync(client, id, "visit", new { satisfaction = 9 }, etag)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await StepAsync(client, id, "visit", new { satisfaction = 5 }, etag)).ShouldBeProblemAsync(HttpStatusCode.Conflict); // not closed yet
    }

    [Fact]
    public async Task A_manager_names_the_enterprises_service_officer_with_if_match_and_its_panel_shows_it()
    {
        var (officer, officerClient) = await fixture.NewUserAsync(Roles.Officer);
        var enterprise = await EnterpriseAsync(officer);
        using var manager = await fixture.ClientAsync("manager");
        var version = await fixture.QueryAsync(db => db.Enterprises.Where(e => e.Id == enterprise).Select(e => e.Version).SingleAsync());

        async Task<HttpResponseMessage> PutAsync(HttpClient client, object body, string? etag)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/enterprises/{enterprise}/service-officer") { Content = JsonContent.Create(body) };
            if (etag is not null)
            {
                request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
            }

            return await client.SendAsync(request);
        }

        await (await PutAsync(officerClient, new { userId = officer }, $"W/\"{version}\"")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await PutAsync(manager, new { userId = officer }, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await PutAsync(manager, new { userId = officer }, $"W/\"{version + 9}\"")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var dept = await fixture.UserIdAsync("dept");
        await (await PutAsync(manager, new { userId = dept }, $"W/\"{version}\"")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(manager, new { userId = officer }, $"W/\"{version}\"")).StatusCode);

        var panel = await (await officerClient.GetAsync($"/api/v1/enterprises/{enterprise}/service-requests")).JsonAsync();
        Assert.Equal(officer, panel.Id("serviceOfficerId"));
        Assert.True(panel.GetProperty("landed").GetBoolean());
    }
}

public sealed class SqliteServiceRequestApiTests(SqliteApp fixture) : ServiceRequestApiTests<SqliteApp>(fixture);

public sealed class PostgresServiceRequestApiTests(PostgresApp fixture) : ServiceRequestApiTests<PostgresApp>(fixture);
