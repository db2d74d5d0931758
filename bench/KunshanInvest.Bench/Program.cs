using BenchmarkDotNet.Running;
using KunshanInvest.Bench;

// dotnet run -c Release --project bench/KunshanInvest.Bench -- --filter '*'
// `-- --sql` prints the statements each handler sends instead of measuring.
// The first run generates the cached 100k-project SQLite database (see BenchDatabase); later runs reuse it.
if (args is ["--sql"])
{
    await SqlProbe.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly).Run(args, new BenchConfig());
