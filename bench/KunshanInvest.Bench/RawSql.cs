using System.Data.Common;
using System.Globalization;

namespace KunshanInvest.Bench;

/// <summary>
/// Plain ADO.NET for the hand-written baselines and the bare host: a parameterised command, values stored as the app's
/// EF mapping stores them (SQLite keeps Guids as upper-case TEXT, instants and dates as TEXT, bools as 0/1), Guids read back.
/// </summary>
public static class RawSql
{
    public static DbCommand Command(DbConnection connection, bool sqlite, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = Store(value, sqlite);
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>
    /// The app's project code reservation (ProjectCodeAllocator, ADR 0020): ONE autocommitted
    /// <c>UPDATE … RETURNING</c> of the year's counter row; only when the row is missing, the insert that creates it after
    /// the year's highest saved code (tolerating a concurrent creator), then the UPDATE again.
    /// </summary>
    public static async Task<string> NextProjectCodeAsync(DbConnection connection, bool sqlite, int year, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await using (var reserve = Command(connection, sqlite,
                "UPDATE \"ProjectCodeCounters\" SET \"Last\" = \"Last\" + 1 WHERE \"Year\" = @y RETURNING \"Last\"", ("@y", year)))
            {
                if (await reserve.ExecuteScalarAsync(cancellationToken) is { } last)
                {
                    return $"KS-{year}-{Convert.ToInt32(last, CultureInfo.InvariantCulture):00000}";
                }
            }

            var wellFormed = sqlite ? "\"Code\" GLOB 'KS-[0-9][0-9][0-9][0-9]-[0-9]*'" : "\"Code\" ~ '^KS-[0-9]{4}-[0-9]+$'";
            await using var create = Command(connection, sqlite,
                "INSERT INTO \"ProjectCodeCounters\" (\"Year\", \"Last\") SELECT @y, COALESCE(MAX(CAST(SUBSTR(\"Code\", 9) AS INTEGER)), 0) FROM \"Projects\" " +
                $"WHERE \"Code\" >= @from AND \"Code\" < @to AND {wellFormed} ON CONFLICT (\"Year\") DO NOTHING",
                ("@y", year), ("@from", $"KS-{year}-"), ("@to", $"KS-{year}."));
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        throw new InvalidOperationException($"No project code counter for {year}.");
    }

    public static object Store(object? value, bool sqlite) => value switch
    {
        null => DBNull.Value,
        Guid g when sqlite => g.ToString().ToUpperInvariant(),
        DateTime d when sqlite => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly d when sqlite => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b when sqlite => b ? 1 : 0,
        _ => value,
    };

    public static Guid ReadGuid(object value) => value switch
    {
        Guid g => g,
        string s => Guid.Parse(s),
        _ => throw new InvalidOperationException($"Not a Guid: {value}"),
    };
}
