using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KunshanInvest.Api.Tests;

/// <summary>Records every SQL statement the app executes; <see cref="Measure"/> counts those of one call.</summary>
public sealed class SqlCounter : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();

    public IReadOnlyCollection<string> Commands => _commands;

    /// <summary>
    /// Runs <paramref name="action"/> and returns the statements it sent (tests in one class run one at a time),
    /// leaving out the per-request session check, which every authenticated request sends once whatever it does.
    /// </summary>
    public async Task<IReadOnlyList<string>> Measure(Func<Task> action) =>
        [.. (await MeasureAll(action)).Where(c => !c.Contains(SessionCheckTag, StringComparison.Ordinal))];

    /// <summary>Like <see cref="Measure"/>, with the session check included.</summary>
    public async Task<IReadOnlyList<string>> MeasureAll(Func<Task> action)
    {
        _commands.Clear();
        await action();
        return [.. _commands];
    }

    /// <summary>The tag of the session check's statement (Api's SessionCheck.Tag, which is internal).</summary>
    public const string SessionCheckTag = "ki:session-check";

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        _commands.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }
}
