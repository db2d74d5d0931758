using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace KunshanInvest.Testing;

/// <summary>
/// A throwaway PostgreSQL server from the machine's own binaries (initdb + pg_ctl on a loopback port in a temp
/// folder), started once per test process and stopped when it exits. Each caller gets its own database.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<Task<Server?>> Instance = new(StartAsync);
    private static string? _unavailable;

    /// <summary>Why there is no server, or null when there is one.</summary>
    public static async Task<string?> UnavailableReasonAsync()
    {
        await Instance.Value;
        return _unavailable;
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var server = await Instance.Value ?? throw new InvalidOperationException(_unavailable);
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(server.ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return server.ConnectionString(name);
    }

    private static async Task<Server?> StartAsync()
    {
        var bin = FindBinaries();
        if (bin is null)
        {
            _unavailable = "PostgreSQL binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin";
            return null;
        }

        var root = Directory.CreateTempSubdirectory("ki-pg-").FullName;
        var data = Path.Combine(root, "data");
        var port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", $"-R postgres: {root}");
        }

        await RunAsPostgresAsync(asRoot, Path.Combine(bin, "initdb"), $"-D {data} -U postgres --auth=trust -E UTF8 --no-locale");
        await RunAsPostgresAsync(asRoot, Path.Combine(bin, "pg_ctl"),
            $"-D {data} -l {Path.Combine(root, "log")} -w -t 60 -o \"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=1000\" start");

        var server = new Server(port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RunAsPostgresAsync(asRoot, Path.Combine(bin, "pg_ctl"), $"-D {data} -m immediate stop").GetAwaiter().GetResult();
                // Deleting the data folder (hundreds of MB after the API suites) took over 10 s on a loaded machine,
                // and xunit v3 reports a process still busy 11 s after its last test as a fatal error: leave the
                // delete to a process of its own instead of waiting for it here.
                using var delete = Process.Start(new ProcessStartInfo("rm", ["-rf", root]) { UseShellExecute = false });
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
            {
                // Best effort at exit; the temp folder is disposable.
            }
        };
        return server;
    }

    private static string? FindBinaries()
    {
        const string Root = "/usr/lib/postgresql";
        if (!Directory.Exists(Root))
        {
            return null;
        }

        return Directory.GetDirectories(Root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
            .OrderByDescending(b => b, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsPostgresAsync(bool asRoot, string file, string arguments) =>
        asRoot ? RunAsync("runuser", $"-u postgres -- {file} {arguments}") : RunAsync(file, arguments);

    private static async Task RunAsync(string file, string arguments)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {await output} {await error}");
        }
    }

    private sealed record Server(int Port)
    {
        public string ConnectionString(string database) =>
            $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Pooling=true;Include Error Detail=true";
    }
}
