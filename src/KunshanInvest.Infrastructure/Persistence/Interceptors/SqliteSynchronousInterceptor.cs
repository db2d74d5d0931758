using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KunshanInvest.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Sets <see cref="DatabaseOptions.SqliteSynchronous"/> on every SQLite connection EF opens: the setting belongs to
/// the connection, not the file, and Microsoft.Data.Sqlite has no connection-string keyword for it. The statement
/// runs in-process in microseconds; pooled connections keep it, so repeating it on each open costs nothing measurable.
/// </summary>
internal sealed class SqliteSynchronousInterceptor(SqliteSynchronous level) : DbConnectionInterceptor
{
    private readonly string _pragma = $"PRAGMA synchronous = {(int)level}";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // Synchronous on purpose: SQLite runs in process and Microsoft.Data.Sqlite's async methods are synchronous anyway.
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }
}
