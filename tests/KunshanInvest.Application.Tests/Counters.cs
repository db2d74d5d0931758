using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KunshanInvest.Application.Tests;

/// <summary>Counts the statements that return rows (queries) and the saves a handler makes.</summary>
public sealed class StatementCounter : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _queries = new();

    private readonly ConcurrentQueue<string> _readers = new();

    public IReadOnlyCollection<string> Queries => _queries;

    /// <summary>Every statement that returned rows, UPDATE … RETURNING included.</summary>
    public IReadOnlyCollection<string> Readers => _readers;

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        // Inserts also come back as readers (generated values); only SELECTs (with or without a WITH clause first) are
        // the queries counted here.
        _readers.Enqueue(command.CommandText);
        var text = command.CommandText.TrimStart();
        if (text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("WITH", StringComparison.OrdinalIgnoreCase))
        {
            _queries.Enqueue(command.CommandText);
        }
    }
}

public sealed class SaveCounter : SaveChangesInterceptor
{
    public int Saves { get; private set; }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Saves++;
        return ValueTask.FromResult(result);
    }
}

internal static class DbCounts
{
    public static async Task<(int Projects, int Enterprises, int Notifications, int Audits)> OfAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return (await db.Projects.CountAsync(), await db.Enterprises.CountAsync(), await db.Notifications.CountAsync(), await db.AuditEntries.CountAsync());
    }
}
