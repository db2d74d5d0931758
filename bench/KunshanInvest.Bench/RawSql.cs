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
