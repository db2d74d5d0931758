namespace KunshanInvest.CrashLoad;

/// <summary>The console entry point (not named Program: the Api tests see this assembly's internals beside the app's Program).</summary>
internal static class CrashLoadMain
{
    public static async Task<int> Main(string[] args)
    {
        CrashLoadOptions options;
        try
        {
            options = CrashLoadOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync(CrashLoadOptions.Usage);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            var report = await CrashRun.RunAsync(options, Console.Out, cancel.Token);
            Console.WriteLine(report);
            return report.Passed ? 0 : 1;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"crash under load could not complete: {ex.Message}");
            return 3;
        }
    }
}
