using System.Security.Cryptography.X509Certificates;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;

namespace KunshanInvest.Api.Security;

/// <summary>Where the data-protection keys live: <c>DataProtection:*</c>.</summary>
internal sealed class DataProtectionSettings
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS #12 (.pfx) certificate whose key encrypts each data-protection key before it is stored; empty = stored as plain XML.</summary>
    public string? CertificatePath { get; init; }

    public string? CertificatePassword { get; init; }
}

/// <summary>
/// One key ring for every app instance on the same database (docs/adr/0016): the keys that protect the auth cookie,
/// bearer tokens and antiforgery tokens are rows in <c>DataProtectionKeys</c>, so a cookie issued by one instance
/// is read by any other, and a restart signs nobody out. The application name is fixed, not the content root
/// (Data Protection's default), so instances installed in different folders share their tokens.
/// </summary>
internal static class DataProtectionSetup
{
    public const string ApplicationName = "KunshanInvest";

    public static IServiceCollection AddKunshanDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(DataProtectionSettings.Section).Get<DataProtectionSettings>() ?? new DataProtectionSettings();
        var builder = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AppDbContext>();
        if (!string.IsNullOrWhiteSpace(settings.CertificatePath))
        {
            // Keys at rest: whoever reads the table (a backup, a DBA) then also needs the certificate's private key.
            // Every instance must be given the same certificate (and, after a renewal, the old one too, to read older keys).
            builder.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(
                settings.CertificatePath, settings.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet));
        }

        return services;
    }
}
