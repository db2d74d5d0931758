using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Api.Tests;

/// <summary>The Admin's service request catalogues and the managers' service reports over HTTP, on SQLite and PostgreSQL.</summary>
public abstract class ServiceCatalogApiTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string Categories = "/api/v1/admin/service-categories";
    private const string Departments = "/api/v1/admin/departments";
    private const string Reports = "/api/v1/reports/service-requests";

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string path, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return client.SendAsync(request);
    }

    [Fact]
    public async Task An_admin_adds_a_category_once_per_code_and_edits_it_with_if_match()
    {
        using var admin = await fixture.ClientAsync("admin");
        var code = Unique("power");

        var created = await admin.PostAsJsonAsync(Categories, new { code, nameZh = "用电", nameEn = "Power", deadlineDays = 5 });
        var duplicate = await admin.PostAsJsonAsync(Categories, new { code, nameZh = "供电", nameEn = "Electricity", deadlineDays = 3 });
        var badCode = await admin.PostAsJsonAsync(Categories, new { code = "Power Supply", nameZh = "用电", nameEn = "Power", deadlineDays = 5 });
        var badDays = await admin.PostAsJsonAsync(Categories, new { code = Unique("water"), nameZh = "用水", nameEn = "Water", deadlineDays = 0 });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains(badCode.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity });
        Assert.Contains(badDays.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity });
        Assert.Contains("service.deadline_days", await badDays.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var id = (await created.JsonAsync()).Id();
        var body = new { nameZh = "用电用气", nameEn = "Power and gas", deadlineDays = 7, isActive = true };
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await PutAsync(admin, $"{Categories}/{id}", body, null)).StatusCode);
        var updated = await PutAsync(admin, $"{Categories}/{id}", body, created.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PutAsync(admin, $"{Categories}/{id}", body, created.Headers.ETag!.ToString())).StatusCode);
        var list = await admin.GetStringAsync(Categories);
        Assert.Contains("用电用气", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_adds_the_dept_user_to_a_new_department_and_other_roles_may_not_touch_the_catalogue()
    {
        using var admin = await fixture.ClientAsync("admin");
        using var manager = await fixture.ClientAsync("manager");
        using var dept = await fixture.ClientAsync("dept");
        var (deptUser, partnerUser) = await UserIdsAsync("dept", "partner");

        var created = await admin.PostAsJsonAsync(Departments, new { code = Unique("hr"), nameZh = "人社局", nameEn = "HR bureau" });
        var id = (await created.JsonAsync()).Id();
        var added = await admin.PostAsJsonAsync($"{Departments}/{id}/members", new { userId = deptUser });
        var partner = await admin.PostAsJsonAsync($"{Departments}/{id}/members", new { userId = partnerUser });
        var again = await admin.PostAsJsonAsync($"{Departments}/{id}/members", new { userId = deptUser });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(deptUser, (await added.JsonAsync()).GetProperty("members")[0].Id("userId"));
        Assert.Contains(partner.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity });
        Assert.Contains("department.member_role", await partner.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync(Departments)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dept.PostAsJsonAsync(Categories, new { code = Unique("x"), nameZh = "其他", nameEn = "Other", deadlineDays = 5 })).StatusCode);
    }

    [Fact]
    public async Task The_service_reports_are_the_managers_and_refuse_a_bad_year()
    {
        using var manager = await fixture.ClientAsync("manager");
        using var officer = await fixture.ClientAsync("officer");
        using var dept = await fixture.ClientAsync("dept");

        foreach (var report in new[] { "load", "close-times", "satisfaction" })
        {
            Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"{Reports}/{report}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"{Reports}/{report}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await dept.GetAsync($"{Reports}/{report}")).StatusCode);
        }

        var badYear = await manager.GetAsync($"{Reports}/satisfaction?year=1900");
        Assert.Contains(badYear.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity });
    }

    private async Task<(Guid, Guid)> UserIdsAsync(string first, string second)
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = await db.Users.Where(u => u.UserName == first || u.UserName == second).ToDictionaryAsync(u => u.UserName!, u => u.Id);
        return (users[first], users[second]);
    }
}

public sealed class SqliteServiceCatalogApiTests(SqliteApp fixture) : ServiceCatalogApiTests<SqliteApp>(fixture);

public sealed class PostgresServiceCatalogApiTests(PostgresApp fixture) : ServiceCatalogApiTests<PostgresApp>(fixture);
