using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace KunshanInvest.Bench;

/// <summary>
/// A short job, in process: a few warm-up and measured iterations, so the whole suite takes minutes. In process
/// because each benchmark opens the host's composition once and the cached database is shared; the figures are
/// for comparing a handler with its SQL baseline on the same machine, not absolute latencies.
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(10), logOutput: true)) // the 5,000-row ledger import runs past the default limit
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(8)
            .WithId("short"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(CategoriesColumn.Default);
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
        WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
        WithArtifactsPath(Path.Combine(BenchDatabase.RepositoryRoot, "artifacts", "bench"));
        Options |= ConfigOptions.JoinSummary;
        foreach (var logger in DefaultConfig.Instance.GetLoggers())
        {
            AddLogger(logger);
        }

        foreach (var exporter in DefaultConfig.Instance.GetExporters())
        {
            AddExporter(exporter);
        }

        foreach (var provider in DefaultConfig.Instance.GetColumnProviders())
        {
            AddColumnProvider(provider);
        }
    }
}
