using KunshanInvest.Application.Projects;
using KunshanInvest.Infrastructure.Persistence;
using KunshanInvest.Infrastructure.Persistence.Interceptors;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Infrastructure.Projects;

/// <summary>
/// The per-year project counter in raw SQL (ADR 0020), so nothing tracked in the caller's unit of work is saved early.
/// A reservation is ONE statement that both moves the counter and returns it
/// (<c>UPDATE … RETURNING</c> on SQLite and PostgreSQL, <c>UPDATE … OUTPUT</c> on SQL Server), autocommitted when no
/// transaction is open, so the counter row is locked for that one statement only. A missing year row is created on
/// first use, after the highest code of that year already saved, by an insert that tolerates a concurrent insert of
/// the same row. On SQLite a reservation outside a transaction is a write of its own: it queues at
/// <see cref="SqliteWriteGate"/> with the saves.
/// </summary>
public sealed class ProjectCodeAllocator(AppDbContext db, SqliteWriteGate gate, SqlDialect dialect) : IProjectCodeAllocator
{
    /// <summary>UPDATE; when the year has no row, create it and UPDATE again (nothing deletes a row, so that one finds it).</summary>
    private const int Attempts = 3;

    private const string Table = "ProjectCodeCounters";

    public async Task<int> ReserveAsync(int year, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (db.Database.CurrentTransaction is not null)
        {
            // Inside a transaction the counter's lock lasts until its end. Take the audit chain head first, as every
            // audited save and job does, so no one holds the counter while waiting for the head (ADR 0020).
            await AuditChainSql.LockAsync(db, dialect, cancellationToken);
            return await ReserveHereAsync(year, count, cancellationToken);
        }

        using var turn = await gate.EnterAsync(cancellationToken);
        return await ReserveHereAsync(year, count, cancellationToken);
    }

    private async Task<int> ReserveHereAsync(int year, int count, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await UpdateAsync(year, count, cancellationToken) is { } last)
            {
                return last - count + 1;
            }

            if (attempt == Attempts)
            {
                throw new InvalidOperationException($"The project code counter of {year} could not be created.");
            }

            await CreateAsync(year, cancellationToken);
        }
    }

    public async Task CatchUpAsync(int? year, CancellationToken cancellationToken)
    {
        var (from, to) = year is { } y ? Range(y) : ("KS-", "KS.");
        var sql = dialect.UpsertKeepingGreater(Table, "Year", "Last", Highest);
        using var turn = db.Database.CurrentTransaction is null ? await gate.EnterAsync(cancellationToken) : default;
        await db.Database.ExecuteSqlRawAsync(sql, [from, to], cancellationToken);
    }

    private async Task<int?> UpdateAsync(int year, int count, CancellationToken cancellationToken)
    {
        var sql = dialect.UpdateReturning(Table, "\"Last\" = \"Last\" + {0}", "\"Year\" = {1}", "Last");
        int? last = null;
        await foreach (var row in db.Database.SqlQueryRaw<CounterRow>(sql, count, year).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            last ??= row.Last;
        }

        return last;
    }

    /// <summary>The year's row, starting after the highest code of that year already saved; a concurrent creator wins harmlessly.</summary>
    private async Task CreateAsync(int year, CancellationToken cancellationToken)
    {
        var (from, to) = Range(year);
        var start = $$"""SELECT {0}, COALESCE(MAX({{Number}}), 0) FROM "Projects" WHERE "Code" >= {1} AND "Code" < {2}{{Digits}}""";
        var insert = dialect.InsertIfMissing(Table, "Year", "{0}", start, "Last");
        try
        {
            await db.Database.ExecuteSqlRawAsync(insert, [year, from, to], cancellationToken);
        }
        catch (Exception e) when (dialect.IsDuplicateKey(e))
        {
            // Another request created the row first.
        }
    }

    /// <summary>"KS-2026-" ≤ code &lt; "KS-2026." seeks the unique index on Code (LIKE would scan on SQLite and PostgreSQL).</summary>
    private static (string From, string To) Range(int year) => ($"KS-{year}-", $"KS-{year}.");

    /// <summary>The year and number of each code in the range {0} ≤ Code &lt; {1}, highest number per year.</summary>
    private string Highest => $$"""
        SELECT {{Year}}, COALESCE(MAX({{Number}}), 0) FROM "Projects" WHERE "Code" >= {0} AND "Code" < {1}{{Digits}} GROUP BY {{Year}}
        """;

    private string Year => dialect.ToInt(dialect.Substring("\"Code\"", 4, 4));

    private string Number => dialect.TryToInt(dialect.Substring("\"Code\"", 9));

    /// <summary>Only well-formed codes are parsed (PostgreSQL and SQL Server refuse to cast anything else); no braces: {n} is a parameter.</summary>
    private string Digits => " AND " + dialect.IsYearSerial("\"Code\"", "KS-");

    private sealed record CounterRow(int Last);
}
