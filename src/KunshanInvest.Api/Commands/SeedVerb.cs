using System.Globalization;
using KunshanInvest.Infrastructure.Synthetic;

namespace KunshanInvest.Api.Commands;

/// <summary>
/// <c>seed --synthetic N [--seed 42] [--as-of 2026-11-27] [--years 5] [--enterprises-per-project 0.5]
/// [--interactions-per-project 10] [--follow-ups-per-project 2] [--officers K] [--force]</c>.
/// </summary>
internal sealed class SeedVerb(SyntheticOptions? options, IReadOnlyList<string> problems) : IHostVerb
{
    public const string Usage =
        "usage: seed --synthetic N [--seed 42] [--as-of 2026-11-27] [--years 5] [--enterprises-per-project 0.5] " +
        "[--interactions-per-project 10] [--follow-ups-per-project 2] [--officers K] [--force]";

    public static (IHostVerb Verb, string[] HostArgs) Parse(string[] args)
    {
        var options = new SyntheticOptions();
        var problems = new List<string>();
        var host = new List<string>();
        var synthetic = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--force")
            {
                options = options with { Force = true };
                continue;
            }

            string Value() => i + 1 < args.Length ? args[++i] : "";
            int Int() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : Bad(arg, 0);
            double Number() => double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : Bad(arg, -1.0);
            T Bad<T>(string name, T fallback)
            {
                problems.Add($"{name} needs a number.");
                return fallback;
            }

            switch (arg)
            {
                case "--synthetic":
                    synthetic = true;
                    options = options with { Projects = Int() };
                    break;
                case "--seed":
                    options = options with { Seed = Int() };
                    break;
                case "--as-of":
                    var text = Value();
                    if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    {
                        options = options with { AsOf = day };
                    }
                    else
                    {
                        problems.Add($"--as-of takes a date as yyyy-MM-dd, not '{text}'.");
                    }

                    break;
                case "--years":
                    options = options with { Years = Int() };
                    break;
                case "--enterprises-per-project":
                    options = options with { EnterprisesPerProject = Number() };
                    break;
                case "--interactions-per-project":
                    options = options with { InteractionsPerProject = Number() };
                    break;
                case "--follow-ups-per-project":
                    options = options with { FollowUpsPerProject = Number() };
                    break;
                case "--officers":
                    options = options with { Officers = Int() };
                    break;
                default:
                    host.Add(arg);
                    break;
            }
        }

        if (!synthetic)
        {
            problems.Add("seed needs --synthetic N (the reference and demo seeds load at start-up: Seed:Reference, Seed:Demo).");
        }

        return (new SeedVerb(problems.Count == 0 ? options : null, problems), [.. host]);
    }

    public async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (options is null)
        {
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync(problem);
            }

            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<SyntheticSeeder>();
        Console.WriteLine($"Synthetic data: {options.Projects:N0} projects, seed {options.Seed}, as of {options.AsOf:yyyy-MM-dd} (Kunshan), {options.Years} years.");
        try
        {
            var report = await seeder.RunAsync(options, Print, cancellationToken);
            Console.WriteLine($"Done: {report.Rows.Values.Sum():N0} rows in {report.Elapsed.TotalSeconds:N1} s (migrations and reference seed included).");
            return 0;
        }
        catch (SyntheticDataRefusedException refused)
        {
            await Console.Error.WriteLineAsync(refused.Message);
            return 3;
        }
    }

    private static void Print(SyntheticProgress progress)
    {
        var line = $"  {progress.Kind,-16} {progress.Rows,12:N0} / {progress.Total,-12:N0} {progress.Elapsed.TotalSeconds,7:N1} s {progress.RowsPerSecond,12:N0} rows/s";
        if (Console.IsOutputRedirected)
        {
            if (progress.Done)
            {
                Console.WriteLine(line);
            }

            return;
        }

        Console.Write("\r" + line);
        if (progress.Done)
        {
            Console.WriteLine();
        }
    }
}
