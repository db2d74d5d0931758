using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KunshanInvest.CrashLoad;

/// <summary>
/// Direct access to the app's database, below the app: the partner approval during set-up and the final count. The
/// identifiers are the EF model's (double-quoted, which SQLite and PostgreSQL read alike). Guids are TEXT on SQLite
/// (upper case, as EF writes them) and uuid on PostgreSQL, so they are compared as upper-case strings here.
/// </summary>
internal sealed class Database(CrashProvider provider, string connectionString)
{
    public static Database For(CrashLoadOptions options, string dataDirectory) =>
        options.Provider == CrashProvider.Sqlite
            ? new Database(CrashProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "kunshaninvest.db"), Pooling = false }.ToString())
            : new Database(CrashProvider.Postgres, new NpgsqlConnectionStringBuilder(options.ConnectionString) { Pooling = false }.ToString());

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = provider == CrashProvider.Sqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public object Guid(Guid id) => provider == CrashProvider.Sqlite ? id.ToString("D").ToUpperInvariant() : id;

    public async Task<int> ExecuteAsync(string sql, IReadOnlyDictionary<string, object> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<List<object?[]>> QueryAsync(string sql, IReadOnlyDictionary<string, object> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static DbCommand Command(DbConnection connection, string sql, IReadOnlyDictionary<string, object> parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is this tool's constant text; values go in as parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>A Guid read from either provider (or held by the tool) as upper-case text, for comparison.</summary>
    public static string GuidText(object? value) => value switch
    {
        null => "",
        Guid g => g.ToString("D").ToUpperInvariant(),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!.ToUpperInvariant(),
    };
}
