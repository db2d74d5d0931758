using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KunshanInvest.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Sets <see cref="DatabaseOptions.SqliteSynchronous"/> on every SQLite connection EF opens: the setting belongs to
/// the connection, not the file, and Microsoft.Data.Sqlite has no connection-string keyword for it. EF opens a pooled
/// connection for every query, and a pooled connection keeps the setting, so the statement runs once per physical
/// connection (its native handle), not on every open.
/// </summary>
internal sealed class SqliteSynchronousInterceptor(SqliteSynchronous level) : DbConnectionInterceptor
{
    private readonly string _pragma = $"PRAGMA synchronous = {(int)level}";

    /// <summary>The native handles of the physical connections already set (weak: a closed-for-good handle drops out).</summary>
    private readonly ConditionalWeakTable<object, object> _set = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // Synchronous on purpose: SQLite runs in process and Microsoft.Data.Sqlite's async methods are synchronous anyway.
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } && _set.TryGetValue(handle, out _))
        {
            return;
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = _pragma;
            command.ExecuteNonQuery();
        }

        if (connection is SqliteConnection { Handle: { } opened })
        {
            _set.AddOrUpdate(opened, opened);
        }
    }
}
