using System.Data.Common;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Bench.Reports;

/// <summary>
/// The hand-written baseline of 项目漏斗 over the whole zone: the rates and one GROUP BY (sector, stage, stage before
/// the side state, currency), converted and rolled up into cells and the reached-at-least counts by hand. Shared by
/// <see cref="FunnelBenchmarks"/> and the bare HTTP host (<see cref="Load.BareHost"/>), so both measure the same SQL.
/// </summary>
public static class FunnelSql
{
    /// <summary>The figures the benchmark compares with the handler's report.</summary>
    public sealed record Figures(int Projects, long Fen, long ForeignCapital, int Cells, int[] Reached);

    public const string RatesStatement = "SELECT \"Currency\", \"Year\", \"CnyPerUnitMicros\" FROM \"ExchangeRates\"";

    public const string GroupStatement =
        "SELECT p.\"SectorId\", p.\"Stage\", p.\"StageBeforeSideState\", p.\"PledgedInvestmentCurrency\", COUNT(*), " +
        "COALESCE(SUM(p.\"PledgedInvestmentMinor\"), 0), COALESCE(SUM(p.\"PledgedForeignCapitalUsdCents\"), 0) " +
        "FROM \"Projects\" p GROUP BY p.\"SectorId\", p.\"Stage\", p.\"StageBeforeSideState\", p.\"PledgedInvestmentCurrency\"";

    /// <summary>Runs both statements on an open connection; <paramref name="year"/> picks the rates (ADR 0010).</summary>
    public static async Task<Figures> RunAsync(DbConnection connection, int year, CancellationToken cancellationToken = default)
    {
        var all = new List<(string Currency, int Year, long Micros)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = RatesStatement;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                all.Add((reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2)));
            }
        }

        var rates = ReportBenchmark.RatesFor(all, year);
        int projects = 0;
        long fen = 0, foreignCapital = 0;
        var cells = new HashSet<(string?, int)>();
        var reached = new int[(int)ProjectStage.AtCapacity + 1];
        var onHold = 0;
        var lost = 0;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = GroupStatement;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                // The sector id only tells cells apart: its text (SQLite) or Guid (PostgreSQL) form does not matter.
                var sector = reader.IsDBNull(0) ? null : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!.ToUpperInvariant();
                var stage = reader.GetInt32(1);
                int? before = reader.IsDBNull(2) ? null : reader.GetInt32(2);
                var currency = reader.IsDBNull(3) ? null : reader.GetString(3);
                var count = (int)reader.GetInt64(4);
                var minor = reader.GetInt64(5);
                projects += count;
                fen += minor == 0 ? 0 : ReportBenchmark.ToFen(rates, currency, minor) ?? 0;
                foreignCapital += reader.GetInt64(6);
                cells.Add((sector, stage));
                var top = stage <= (int)ProjectStage.AtCapacity ? stage : before ?? -1;
                for (var s = 0; s <= top; s++)
                {
                    reached[s] += count;
                }

                onHold += stage == (int)ProjectStage.OnHold ? count : 0;
                lost += stage == (int)ProjectStage.Lost ? count : 0;
            }
        }

        return new Figures(projects, fen, foreignCapital, cells.Count, [.. reached, onHold, lost]);
    }
}
