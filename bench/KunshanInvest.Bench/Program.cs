using BenchmarkDotNet.Running;
using KunshanInvest.Bench;

// dotnet run -c Release --project bench/KunshanInvest.Bench -- --filter '*'
// The first run generates the cached 100k-project SQLite database (see BenchDatabase); later runs reuse it.
BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly).Run(args, new BenchConfig());
