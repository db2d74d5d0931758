using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace KunshanInvest.CrashLoad;

/// <summary>
/// The app as a real operating-system process (<c>dotnet KunshanInvest.Api.dll</c>) on its own port and data folder.
/// <see cref="KillAsync"/> is SIGKILL — no shutdown hooks run, as when a machine loses power or the OOM killer strikes.
/// Every process started here is killed when this object is disposed, and again when the host process exits, so a
/// failed or cancelled run leaves no server behind.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    private readonly IReadOnlyList<string> _arguments;
    private readonly string _appDll;
    private readonly string _logPath;
    private Process? _process;
    private StreamWriter? _log;

    static AppProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        Console.CancelKeyPress += (_, _) => KillAll();
    }

    public AppProcess(string appDll, IReadOnlyList<string> arguments, string logPath)
    {
        _appDll = Path.GetFullPath(appDll);
        _arguments = arguments;
        _logPath = logPath;
        Port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");
    }

    public int Port { get; }
    public Uri BaseAddress { get; }
    public int? ProcessId => _process?.Id;

    /// <summary>Every process id this object started (killed ones included), so a caller can check none is left.</summary>
    public List<int> Started { get; } = [];
    public string LogPath => _logPath;

    /// <summary>Starts the process and waits until /health/ready answers 200 (migrations and seed done).</summary>
    public async Task StartAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("The app is already running.");
        }

        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(_appDll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(_appDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        foreach (var argument in _arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        var log = _log = new StreamWriter(_logPath, append: true) { AutoFlush = true };
        await log.WriteLineAsync($"==== start {DateTime.UtcNow:O}");
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Exited += (_, _) => Write(log, $"==== exited {DateTime.UtcNow:O}");
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start dotnet {_appDll}.");
        }

        Running[process.Id] = process;
        Started.Add(process.Id);
        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitReadyAsync(process, timeout, cancellationToken);
    }

    /// <summary>
    /// Sends SIGKILL now (<see cref="Process.Kill()"/> is <c>kill(pid, SIGKILL)</c> on Unix) without waiting, so the
    /// requests on the wire at this instant are the ones cut off. The app starts no child processes.
    /// </summary>
    public void SignalKill()
    {
        try
        {
            _process?.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    /// <summary>SIGKILL, then waits for the process to be gone.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        SignalKill();
        await process.WaitForExitAsync();
        Running.TryRemove(process.Id, out _);
        process.Dispose();
        _process = null;
        if (_log is { } log)
        {
            lock (log)
            {
                log.Dispose();
            }

            _log = null;
        }
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private static void KillAll()
    {
        foreach (var process in Running.Values)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone already.
            }
        }
    }

    private async Task WaitReadyAsync(Process process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < timeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode} while starting; see {_logPath}.");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"The app was not ready within {timeout.TotalSeconds:0} s; see {_logPath}.");
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The run is over.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
