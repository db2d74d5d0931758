using KunshanInvest.Application.Common.Messages;
using System.Globalization;
using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Auditing;

namespace KunshanInvest.Application.Auditing;

/// <summary>The audit search: every filter optional, all applied in SQL.</summary>
public sealed record AuditFilter
{
    /// <summary>A user id, or part of the actor's user name ("system" for jobs and seeding).</summary>
    public string? User { get; init; }

    /// <summary>The entity's type name as recorded, e.g. InvestmentProject, Sector, AppUser.</summary>
    public string? EntityType { get; init; }

    public string? EntityId { get; init; }

    /// <summary>Inclusive.</summary>
    public DateTime? FromUtc { get; init; }

    /// <summary>Exclusive.</summary>
    public DateTime? ToUtc { get; init; }

    public AuditAction? Action { get; init; }
}

/// <summary>One audit row with its field changes.</summary>
public sealed record AuditRow(
    long Id, DateTime AtUtc, Guid? ActorId, string ActorName, string EntityType, string EntityId, AuditAction Action,
    IReadOnlyList<Common.History.FieldChange> Changes);

public static class AuditQueries
{
    public static IQueryable<AuditEntry> Apply(this IQueryable<AuditEntry> entries, AuditFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var user = filter.User.Trim();
            entries = Guid.TryParse(user, out var id)
                ? entries.Where(a => a.ActorId == id)
                : entries.Where(a => a.ActorName.Contains(user));
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            var type = filter.EntityType.Trim();
            entries = entries.Where(a => a.EntityType == type);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            var entityId = filter.EntityId.Trim();
            entries = entries.Where(a => a.EntityId == entityId);
        }

        if (filter.FromUtc is { } from)
        {
            var fromUtc = AsUtc(from);
            entries = entries.Where(a => a.AtUtc >= fromUtc);
        }

        if (filter.ToUtc is { } to)
        {
            var toUtc = AsUtc(to);
            entries = entries.Where(a => a.AtUtc < toUtc);
        }

        if (filter.Action is { } action)
        {
            entries = entries.Where(a => a.Action == action);
        }

        return entries;
    }

    /// <summary>A time without a kind is taken as UTC (the filter's names say so).</summary>
    private static DateTime AsUtc(DateTime value) =>
        value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();

    /// <summary>The cursor of the audit list: the last row's Id (rows run newest first, by Id descending).</summary>
    public static long? DecodeCursor(string? cursor) =>
        long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string EncodeCursor(long id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A request that searches the audit trail.</summary>
public interface IAuditSearch
{
    AuditFilter Filter { get; }
}

internal static class AuditFilterRules
{
    public static void AddFilterRules<T>(this AbstractValidator<T> validator)
        where T : IAuditSearch
    {
        validator.RuleFor(x => x.Filter.User).MaximumLength(AuditEntry.ActorMaxLength).OverridePropertyName("user");
        validator.RuleFor(x => x.Filter.EntityType).MaximumLength(AuditEntry.EntityTypeMaxLength).OverridePropertyName("entityType");
        validator.RuleFor(x => x.Filter.EntityId).MaximumLength(AuditEntry.EntityIdMaxLength).OverridePropertyName("entityId");
        validator.RuleFor(x => x.Filter.Action).IsInEnum().When(x => x.Filter.Action is not null).OverridePropertyName("action");
        validator.RuleFor(x => x.Filter.ToUtc).GreaterThan(x => x.Filter.FromUtc).When(x => x.Filter.FromUtc is not null && x.Filter.ToUtc is not null)
            .WithMsg(M.AuditToAfterFrom).OverridePropertyName("to");
    }
}
