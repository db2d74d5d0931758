using System.Diagnostics;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Infrastructure.Persistence;
using KunshanInvest.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Infrastructure.Synthetic;

/// <summary>The generator refused to run; <see cref="Exception.Message"/> says why and what to do.</summary>
public sealed class SyntheticDataRefusedException(string message) : InvalidOperationException(message);

/// <summary>Rows written per kind, and the time it took.</summary>
public sealed record SyntheticReport(IReadOnlyDictionary<string, long> Rows, TimeSpan Elapsed);

/// <summary>
/// <c>seed --synthetic N</c>: applies pending migrations, loads the reference seed (sectors, parks, roles — the
/// rows synthetic projects hang off), then writes N synthetic projects and their enterprises, officers, stage
/// history, interactions and follow-ups in one transaction below EF (see ADR 0011).
/// </summary>
public sealed class SyntheticSeeder(AppDbContext db, SeedLoader seeds, SqlDialect dialect)
{
    public async Task<SyntheticReport> RunAsync(SyntheticOptions options, Action<SyntheticProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new SyntheticDataRefusedException(string.Join(Environment.NewLine, problems));
        }

        var clock = Stopwatch.StartNew();
        await DatabaseMigrator.MigrateAsync(db, recreateOlderDatabase: false, cancellationToken);

        await seeds.LoadAsync(demo: false, cancellationToken);
        await RefuseUnlessEmptyAsync(options, cancellationToken);
        var catalogue = await CatalogueAsync(cancellationToken);

        var data = new SyntheticData(db, options, catalogue);
        data.Build();

        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        var writer = BulkWriter.For(db);
        writer.Progress = progress;
        var opened = db.Database.GetDbConnection().State != System.Data.ConnectionState.Open;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (dialect.BulkLoadSettings is { } settings)
            {
                await db.Database.ExecuteSqlRawAsync(settings, cancellationToken);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            rows["officers"] = await writer.WriteAsync(db, "officers", data.Officers, data.Officers.Count, cancellationToken);
            rows["officer roles"] = await writer.WriteAsync(db, "officer roles", data.OfficerRoles, data.OfficerRoles.Count, cancellationToken);
            rows["officer sectors"] = await writer.WriteAsync(db, "officer sectors", data.OfficerSectors, data.OfficerSectors.Count, cancellationToken);
            rows["exchange rates"] = await writer.WriteAsync(db, "exchange rates", data.Rates, data.Rates.Count, cancellationToken);
            rows["enterprises"] = await writer.WriteAsync(db, "enterprises", data.Enterprises, data.Enterprises.Count, cancellationToken);
            rows["projects"] = await writer.WriteAsync(db, "projects", data.Projects, data.Projects.Count, cancellationToken);
            var changes = data.Projects.Sum(p => p.StageChanges.Count);
            rows["stage changes"] = await writer.WriteAsync(db, "stage changes", data.StageChanges, changes, cancellationToken);
            rows["interactions"] = await writer.WriteAsync(db, "interactions", data.Interactions(), options.InteractionCount, cancellationToken);
            rows["follow-ups"] = await writer.WriteAsync(db, "follow-ups", data.FollowUps, data.FollowUps.Count, cancellationToken);
            rows["milestones"] = await writer.WriteAsync(db, "milestones", data.Milestones, data.Milestones.Count, cancellationToken);
            rows["figures (gates)"] = await writer.WriteAsync(db, "figures (gates)", data.Figures, data.Figures.Count, cancellationToken);

            // The months reports read: quarterly verified 到位资金/实际使用外资 from signing, tax/revenue/output from 投产. The
            // milestones come from the projects' stage story above (each stage from 注册 on has its milestone).
            var realised = new SyntheticFigures(db, options, data.Projects, [.. data.Officers.Select(o => o.Id)]);
            rows["figures"] = await writer.WriteAsync(db, "figures", realised.Figures(), realised.EstimatedFigures, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        if (dialect.RefreshStatistics is { } analyze)
        {
            // Bulk writes leave the planner's statistics stale; the benchmarks and reports should see the real row counts.
            await db.Database.ExecuteSqlRawAsync(analyze, cancellationToken);
        }

        return new SyntheticReport(rows, clock.Elapsed);
    }

    private async Task RefuseUnlessEmptyAsync(SyntheticOptions options, CancellationToken cancellationToken)
    {
        if (await db.Projects.AnyAsync(p => p.Code.StartsWith(SyntheticData.CodePrefix), cancellationToken)
            || await db.Users.AnyAsync(u => u.UserName!.StartsWith(SyntheticData.OfficerPrefix), cancellationToken))
        {
            throw new SyntheticDataRefusedException(
                "该数据库已有合成数据 / This database already holds synthetic data: generate into a fresh database (delete the SQLite file or create a new database).");
        }

        if (!options.Force && await db.Projects.AnyAsync(p => !p.Code.StartsWith(SyntheticData.CodePrefix), cancellationToken))
        {
            throw new SyntheticDataRefusedException(
                "该数据库已有真实(非合成)项目,拒绝写入 / This database holds projects that are not synthetic: refusing to mix generated rows into real data. " +
                "Use a fresh database, or pass --force if mixing is really meant (e.g. beside the demo data).");
        }
    }

    private async Task<SyntheticCatalogue> CatalogueAsync(CancellationToken cancellationToken)
    {
        var sectors = await db.Sectors.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Code).Select(s => s.Id).ToListAsync(cancellationToken);
        var parks = await db.Parks.AsNoTracking().OrderBy(p => p.Code).Select(p => p.Id).ToListAsync(cancellationToken);
        if (sectors.Count == 0 || parks.Count == 0)
        {
            throw new SyntheticDataRefusedException(
                "没有产业链或载体 / No active sector or no park: synthetic projects are spread over the seeded ones. Keep Seed:Reference=true (the default) " +
                "so the reference seed loads them first, or add them at /admin/sectors and /admin/parks.");
        }

        var officer = await db.Roles.AsNoTracking().Where(r => r.Name == Roles.Officer).Select(r => r.Id).SingleAsync(cancellationToken);
        var rates = (await db.ExchangeRates.AsNoTracking().Select(r => new { r.Year, r.Currency }).ToListAsync(cancellationToken))
            .Select(r => (r.Year, r.Currency)).ToHashSet();
        return new SyntheticCatalogue(sectors, parks, officer, rates);
    }
}
