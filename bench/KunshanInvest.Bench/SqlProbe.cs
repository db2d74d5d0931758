using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace KunshanInvest.Bench;

/// <summary>
/// <c>-- --sql</c>: runs every handler benchmark once with EF's statements printed, to explain a ratio (which
/// statements, how many, what SQLite or PostgreSQL is asked to do). Not a measurement.
/// </summary>
internal static class SqlProbe
{
    public static async Task RunAsync()
    {
        foreach (var type in typeof(SqlProbe).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(HandlerBenchmark)) && !t.IsAbstract))
        {
            var benchmark = (HandlerBenchmark)Activator.CreateInstance(type)!;
            benchmark.LogSql = true;
            benchmark.GlobalSetup();
            try
            {
                foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is { Baseline: false }))
                {
                    Console.WriteLine($"==== {type.Name}.{method.Name}");
                    await (Task)method.Invoke(benchmark, null)!;
                }
            }
            finally
            {
                benchmark.GlobalCleanup();
            }
        }
    }
}
