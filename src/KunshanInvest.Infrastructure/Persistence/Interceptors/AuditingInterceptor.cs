using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Auditing;
using KunshanInvest.Domain.Common;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace KunshanInvest.Infrastructure.Persistence.Interceptors;

/// <summary>
/// On every save: bumps each changed aggregate's <see cref="AggregateRoot.Version"/> (the concurrency token the
/// WHERE clause checks against its original value) and writes one <see cref="AuditEntry"/> per changed entity
/// with each field's old → new value, in the same transaction as the change. Then it links every new entry (its own
/// and those handlers add, such as the jobs' one-per-run rows) into the hash chain after the head it locks
/// (<see cref="AuditChainSql"/>), opening the transaction itself when the caller has none.
/// </summary>
internal sealed class AuditingInterceptor(ICurrentUser user, TimeProvider clock, SqliteWriteGate gate, SqlDialect dialect) : SaveChangesInterceptor
{
    /// <summary>Identity columns that are secrets or noise; their changes are recorded as "changed" only.</summary>
    private static readonly HashSet<string> Redacted = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp",
    };

    /// <summary>Chinese stays readable in the stored JSON (the encoder still escapes HTML-significant characters).</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        nameof(AggregateRoot.Version),
    };

    private List<AuditEntry> _pending = [];

    /// <summary>The transaction this interceptor opened for a save that had none, and the savepoint setting it replaced.</summary>
    private IDbContextTransaction? _own;
    private bool _savepoints;

    /// <summary>The turn at SQLite's single writer held for <see cref="_own"/> (see <see cref="SqliteWriteGate"/>).</summary>
    private SqliteWriteGate.Turn _turn;

    /// <summary>A failed save keeps its entities for a retry; its audit rows must not be written twice.</summary>
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abort(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        AbortAsync(eventData.Context);

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abort(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        AbortAsync(eventData.Context);

    /// <summary>Ends a save EF failed without telling <see cref="SaveChangesFailed"/> (a lost concurrency race, see AppDbContext).</summary>
    internal void EndFailedSave(DbContext context) => Abort(context);

    internal Task EndFailedSaveAsync(DbContext context) => AbortAsync(context);

    private void Abort(DbContext? context)
    {
        DropPending(context);
        try
        {
            _own?.Rollback();
        }
        finally
        {
            EndOwn(context);
        }
    }

    private async Task AbortAsync(DbContext? context)
    {
        DropPending(context);
        try
        {
            if (_own is not null)
            {
                await _own.RollbackAsync(CancellationToken.None);
            }
        }
        finally
        {
            EndOwn(context);
        }
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        try
        {
            _own?.Commit();
        }
        finally
        {
            EndOwn(eventData.Context); // a failed commit must still pass the write turn on
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        try
        {
            if (_own is not null)
            {
                await _own.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            EndOwn(eventData.Context);
        }

        return result;
    }

    private void EndOwn(DbContext? context)
    {
        if (context is not null)
        {
            AuditChainSql.Forget(context);
        }

        if (_own is null)
        {
            return;
        }

        try
        {
            _own.Dispose();
        }
        finally
        {
            _own = null;
            PassTurn();
        }

        if (context is not null)
        {
            context.Database.AutoSavepointsEnabled = _savepoints;
        }
    }

    private void PassTurn()
    {
        var turn = _turn;
        _turn = default;
        turn.Dispose();
    }

    private void DropPending(DbContext? context)
    {
        foreach (var entry in _pending)
        {
            if (context?.Entry(entry) is { } tracked)
            {
                tracked.State = EntityState.Detached;
            }
        }

        _pending = [];
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        if (Unlinked(eventData.Context) is { Count: > 0 } entries)
        {
            if (eventData.Context!.Database.CurrentTransaction is null)
            {
                _turn = gate.Enter();
                Own(eventData.Context, BeginOrPassTurn(() => eventData.Context.Database.BeginTransaction()));
            }

            // EF reports no failure for an exception thrown here: end our transaction ourselves.
            try
            {
                Link(eventData.Context, entries, AuditChainSql.Lock(eventData.Context, dialect));
            }
            catch
            {
                Abort(eventData.Context);
                throw;
            }
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        if (Unlinked(eventData.Context) is { Count: > 0 } entries)
        {
            if (eventData.Context!.Database.CurrentTransaction is null)
            {
                _turn = await gate.EnterAsync(cancellationToken);
                Own(eventData.Context, await BeginOrPassTurnAsync(() => eventData.Context.Database.BeginTransactionAsync(cancellationToken)));
            }

            try
            {
                Link(eventData.Context, entries, await AuditChainSql.LockAsync(eventData.Context, dialect, cancellationToken));
            }
            catch
            {
                await AbortAsync(eventData.Context);
                throw;
            }
        }

        return result;
    }

    private IDbContextTransaction BeginOrPassTurn(Func<IDbContextTransaction> begin)
    {
        try
        {
            return begin();
        }
        catch
        {
            PassTurn();
            throw;
        }
    }

    private async Task<IDbContextTransaction> BeginOrPassTurnAsync(Func<Task<IDbContextTransaction>> begin)
    {
        try
        {
            return await begin();
        }
        catch
        {
            PassTurn();
            throw;
        }
    }

    /// <summary>
    /// EF would wrap its batch in a savepoint inside a transaction it did not open; in ours there is nothing to keep
    /// on failure (the whole transaction rolls back), so no SAVEPOINT statements are sent.
    /// </summary>
    private void Own(DbContext context, IDbContextTransaction transaction)
    {
        _own = transaction;
        _savepoints = context.Database.AutoSavepointsEnabled;
        context.Database.AutoSavepointsEnabled = false;
    }

    /// <summary>New entries in the order they were added; each is (re)linked on every attempt to save.</summary>
    private static List<AuditEntry> Unlinked(DbContext? context) => context is null
        ? []
        : [.. context.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)];

    private static void Link(DbContext context, List<AuditEntry> entries, AuditChainSql.HeadRow head)
    {
        var sequence = head.Sequence;
        var hash = head.Hash;
        foreach (var entry in entries)
        {
            hash = entry.Link(++sequence, hash);
        }

        AuditChainSql.Advance(context, head, sequence, hash);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow().UtcDateTime;
        var actorName = user.IsAuthenticated ? user.UserName ?? "?" : "system";
        var entries = new List<AuditEntry>();

        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry or AuditChainHead or Domain.Projects.ProjectCodeCounter || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (entry is { State: EntityState.Modified, Entity: AggregateRoot } && ChangesVersionedState(entry))
            {
                var version = entry.Property(nameof(AggregateRoot.Version));
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };
            var changes = Changes(entry);
            if (action == AuditAction.Updated && changes.Count == 0)
            {
                continue;
            }

            entries.Add(new AuditEntry(
                now,
                user.Id,
                actorName,
                entry.Metadata.ClrType.Name,
                KeyOf(entry),
                action,
                JsonSerializer.Serialize(changes, Json)));
        }

        context.Set<AuditEntry>().AddRange(entries);
        _pending = entries;
    }

    private static bool ChangesVersionedState(EntityEntry entry) =>
        entry.Properties.Concat(entry.ComplexProperties.SelectMany(c => c.Properties))
            .Any(p => p.IsModified && p.Metadata.PropertyInfo?.IsDefined(typeof(VersionNeutralAttribute), inherit: true) != true);

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
        DateTime d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
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

