using BenchmarkDotNet.Running;
using KunshanInvest.Bench;
using KunshanInvest.Bench.Load;

// dotnet run -c Release --project bench/KunshanInvest.Bench -- --filter '*'
// `-- --sql` prints the statements each handler sends instead of measuring.
// The first run generates the cached 100k-project SQLite database (see BenchDatabase); later runs reuse it.
// `-- bare --urls … --Database:Provider … --Database:ConnectionString …` serves the bare endpoints of scripts/load.sh.
if (args is ["bare", .. var bare])
{
    await BareHost.RunAsync(bare);
    return;
}

if (args is ["--sql"])
{
    await SqlProbe.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly).Run(args, new BenchConfig());
