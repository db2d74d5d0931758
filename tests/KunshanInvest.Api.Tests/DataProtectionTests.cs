using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Api.Tests;

/// <summary>Data-protection keys at rest (docs/adr/0016): plain XML by default, encrypted with <c>DataProtection:CertificatePath</c>.</summary>
public sealed class DataProtectionTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task No_use_case_reads_the_keys_and_the_audit_api_shows_a_key_was_created_never_the_key()
    {
        // The Application's port has no set of keys, so no handler, and no endpoint, can reach them.
        Assert.DoesNotContain(typeof(KunshanInvest.Application.Common.IAppDbContext).GetProperties(),
            p => p.PropertyType.GenericTypeArguments.Contains(typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey)));

        using var officer = await fixture.ClientAsync("officer"); // issuing a token uses, and so creates, the key ring
        using var auditor = await fixture.ClientAsync("auditor");
        var response = await auditor.GetAsync("/api/v1/audit?entityType=DataProtectionKey");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.JsonAsync()).GetProperty("items");
        Assert.True(items.GetArrayLength() >= 1, body);
        Assert.DoesNotContain("masterKey", body, StringComparison.Ordinal);
        Assert.Contains("***", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_certificate_configured_the_stored_keys_are_encrypted_and_tokens_still_work()
    {
        var folder = Directory.CreateTempSubdirectory("ki-dp-").FullName;
        var pfx = Path.Combine(folder, "dp.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=KunshanInvest data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-pass"));
        }

        await using var app = new KunshanApiFactory(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "api.db")}", settings: new Dictionary<string, string>
        {
            ["DataProtection:CertificatePath"] = pfx,
            ["DataProtection:CertificatePassword"] = "pfx-pass",
        });
        using var anonymous = app.CreateClient();
        var token = (await (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "officer", password = AppFixture.DemoPassword })).JsonAsync()).GetProperty("accessToken").GetString();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });
    }
}
