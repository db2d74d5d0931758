using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Partners;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Api.Tests;

/// <summary>Fresh partner organisations and submissions for one test (the database is shared by a test class).</summary>
internal static class PortalWork
{
    public static readonly byte[] PdfBytes = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    public static readonly byte[] PngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    public sealed record PartnerUser(Guid PartnerId, Guid UserId, string UserName, HttpClient Client);

    /// <summary>An organisation with one founding member, signed in (the token is taken while it is approved).</summary>
    public static async Task<PartnerUser> NewPartnerAsync(this AppFixture fixture, PartnerStatus status = PartnerStatus.Approved, PartnerType type = PartnerType.Intermediary)
    {
        var userName = $"p{Guid.NewGuid():N}"[..16];
        var partner = new Partner($"测试机构 {userName}", $"Test partner {userName}", type, "DE", DateTime.UtcNow);
        var user = new AppUser { UserName = userName, Email = $"{userName}@partner.test", EmailConfirmed = true, DisplayName = $"合作伙伴 {userName}", CreatedAtUtc = DateTime.UtcNow };
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.CreateAsync(user, AppFixture.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Partner)).Succeeded);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (status != PartnerStatus.Pending)
            {
                partner.Approve(DateTime.UtcNow);
            }

            db.Partners.Add(partner);
            db.PartnerMembers.Add(new PartnerMember(partner.Id, user.Id, isFounder: true, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        var client = await fixture.ClientAsync(userName);
        if (status == PartnerStatus.Suspended)
        {
            await fixture.SetPartnerStatusAsync(partner.Id, status);
        }

        return new PartnerUser(partner.Id, user.Id, userName, client);
    }

    public static async Task SetPartnerStatusAsync(this AppFixture fixture, Guid partnerId, PartnerStatus status)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var partner = await db.Partners.SingleAsync(p => p.Id == partnerId);
        if (status == PartnerStatus.Suspended)
        {
            partner.Suspend("test", DateTime.UtcNow);
        }
        else
        {
            partner.Approve(DateTime.UtcNow);
        }

        await db.SaveChangesAsync();
    }

    public static Task<Guid> SectorIdAsync(this AppFixture fixture) =>
        fixture.QueryAsync(db => db.Sectors.Where(s => s.IsActive).OrderBy(s => s.Code).Select(s => s.Id).FirstAsync());

    public static object Body(Guid sectorId, string? nameZh = null, string? creditCode = null) => new
    {
        enterpriseNameZh = nameZh ?? $"测试报送企业 {Guid.NewGuid():N}",
        enterpriseNameEn = (string?)null,
        country = "DE",
        creditCode,
        summary = "拟在昆山设立华东生产基地。",
        sectorId,
        estimatedInvestment = new { minorUnits = 5_000_000_000L, currency = "EUR" },
        landMu = 30.5,
        expectedJobs = 80,
        contactName = "Jonas Weber",
        contactPhone = "+49 221 000 0000",
        contactEmail = "jonas@example.test",
    };

    public static async Task<HttpResponseMessage> SubmitJsonAsync(this HttpClient client, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/portal/submissions") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, object body, params (string Name, byte[] Content)[] files)
    {
        // The multipart field holds the JSON as text, as a browser form sends it.
        using var form = new MultipartFormDataContent
        {
            { new StringContent(System.Text.Json.JsonSerializer.Serialize(body, System.Text.Json.JsonSerializerOptions.Web), Encoding.UTF8), "submission" },
        };
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }

        return await client.PostAsync("/api/v1/portal/submissions", form);
    }

    public static Task<int> SubmissionCountAsync(this AppFixture fixture, Guid partnerId) =>
        fixture.QueryAsync(db => db.Submissions.CountAsync(s => s.PartnerId == partnerId));

    public static int StoredFiles(this AppFixture fixture) =>
        Directory.Exists(Path.Combine(fixture.App.DataDirectory, "attachments")) ? Directory.GetFiles(Path.Combine(fixture.App.DataDirectory, "attachments")).Length : 0;
}
