using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using KunshanInvest.Domain.Auditing;
using KunshanInvest.Domain.Common;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace KunshanInvest.Infrastructure.Persistence.Interceptors;

/// <summary>One <see cref="AuditEntry"/> per changed entity, with each field's old → new value; secrets are masked.</summary>
internal static class AuditDiffer
{
    /// <summary>Identity columns that are secrets or noise; their changes are recorded as "changed" only.</summary>
    private static readonly HashSet<string> Redacted = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp",
        nameof(Domain.Channels.NotificationChannel.Secret), nameof(Domain.Channels.NotificationChannel.WebhookUrl), // a robot's key and signing secret
    };

    /// <summary>Chinese stays readable in the stored JSON (the encoder still escapes HTML-significant characters).</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        nameof(AggregateRoot.Version),
    };

    /// <summary>The entry recording <paramref name="entry"/>'s change, or null for an update that changed no audited field.</summary>
    public static AuditEntry? Diff(EntityEntry entry, DateTime nowUtc, Guid? actorId, string actorName)
    {
        var action = entry.State switch
        {
            EntityState.Added => AuditAction.Created,
            EntityState.Deleted => AuditAction.Deleted,
            _ => AuditAction.Updated,
        };
        var changes = Changes(entry);
        if (action == AuditAction.Updated && changes.Count == 0)
        {
            return null;
        }

        return new AuditEntry(nowUtc, actorId, actorName, entry.Metadata.ClrType.Name, KeyOf(entry), action, JsonSerializer.Serialize(changes, Json));
    }

    private static List<FieldChange> Changes(EntityEntry entry)
    {
        var changes = new List<FieldChange>();
        foreach (var property in entry.Properties.Concat(entry.ComplexProperties.SelectMany(c => c.Properties)))
        {
            if (Skipped.Contains(property.Metadata.Name))
            {
                continue;
            }

            var name = FieldName(property);
            object? oldValue = entry.State == EntityState.Added ? null : property.OriginalValue;
            object? newValue = entry.State == EntityState.Deleted ? null : property.CurrentValue;
            if (entry.State == EntityState.Modified && (!property.IsModified || Equals(oldValue, newValue)))
            {
                continue;
            }

            if (entry.State == EntityState.Added && newValue is null)
            {
                continue;
            }

            if (Redacted.Contains(property.Metadata.Name) || IsTokenValue(entry, property) || IsKeyMaterial(entry, property))
            {
                changes.Add(new FieldChange(name, oldValue is null ? null : "***", newValue is null ? null : "***"));
                continue;
            }

            changes.Add(new FieldChange(name, Format(oldValue), Format(newValue)));
        }

        return changes;
    }

    /// <summary>Identity's user tokens hold authenticator keys and recovery codes: their values never enter the trail.</summary>
    private static bool IsTokenValue(EntityEntry entry, PropertyEntry property) =>
        property.Metadata.Name == "Value" && entry.Metadata.ClrType.IsGenericType
        && entry.Metadata.ClrType.GetGenericTypeDefinition() == typeof(Microsoft.AspNetCore.Identity.IdentityUserToken<>);

    /// <summary>A data-protection key's XML holds the master key (unless a certificate encrypts it): never in the trail.</summary>
    private static bool IsKeyMaterial(EntityEntry entry, PropertyEntry property) =>
        entry.Entity is DataProtectionKey && property.Metadata.Name == nameof(DataProtectionKey.Xml);

    private static string FieldName(PropertyEntry property) =>
        property.Metadata.DeclaringType is Microsoft.EntityFrameworkCore.Metadata.IComplexType complex
            ? $"{complex.ComplexProperty.Name}.{property.Metadata.Name}"
            : property.Metadata.Name;

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return "";
        }

        return string.Join(",", key.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));
    }

    private sealed record FieldChange(string Field, string? Old, string? New);
}
