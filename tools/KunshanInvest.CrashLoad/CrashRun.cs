using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace KunshanInvest.CrashLoad;

/// <summary>
/// One crash-under-load run: start the app (SQLite or PostgreSQL) with demo data and its portal limits raised, set up
/// approved partner organisations, send the submissions over N connections with unique Idempotency-Keys, SIGKILL the
/// server at random moments and restart it on the same database, retry everything that went unanswered with the same
/// key and body, then count in the database.
/// </summary>
public sealed class CrashRun
{
    private const string SubmitPath = "/api/v1/portal/submissions";
    private const int MaxAttempts = 1000;
    private const int ReplaySample = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly CrashLoadOptions _options;
    private readonly TextWriter _log;
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];
    private readonly Gate _gate = new();
    private int _acknowledged;
    private int _remaining;
    private int _inFlight;
    private int _sent;
    private int _unanswered;
    private int _conflicts;
    private int _rateLimited;
    private int _serverErrors;
    private int _refused;
    private int _replays;

    private CrashRun(CrashLoadOptions options, TextWriter log)
    {
        _options = options;
        _log = log;
    }

    /// <summary>Runs it; the app process is killed on every way out (success, failure, cancellation).</summary>
    public static Task<CrashReport> RunAsync(CrashLoadOptions options, TextWriter log, CancellationToken cancellationToken) =>
        new CrashRun(options, log).RunAsync(cancellationToken);

    private async Task<CrashReport> RunAsync(CancellationToken cancellationToken)
    {
        var seed = _options.Seed ?? Random.Shared.Next(1, 1_000_000);
        var random = new Random(seed);
        var data = _options.DataDirectory ?? Directory.CreateTempSubdirectory("ki-crash-").FullName;
        Directory.CreateDirectory(data);
        var demoPassword = $"Crash#{_tag}a1";
        var arguments = new List<string>
        {
            "--Database:Provider", _options.Provider == CrashProvider.Sqlite ? "Sqlite" : "PostgreSql",
            "--Database:DataDirectory", data,
            "--Seed:Demo", "true",
            "--Seed:DemoPassword", demoPassword,
            // Raised for the run: 32 connections from one address and a few organisations far exceed the production limits.
            "--Portal:SubmissionsPerMinute", "1000000",
            "--RateLimits:SignInPerMinute", "10000",
            "--Portal:InFlightTakeoverSeconds", _options.TakeoverSeconds.ToString(CultureInfo.InvariantCulture),
            "--Mail:PickupDirectory", Path.Combine(data, "mail"),
        };
        if (_options.Provider == CrashProvider.Postgres)
        {
            arguments.AddRange(["--Database:ConnectionString", _options.ConnectionString!]);
        }

        await using var app = new AppProcess(_options.AppDll, arguments, Path.Combine(data, "app.log"));
        _log.WriteLine($"data folder {data}; app log {app.LogPath}; seed {seed}");
        var started = Stopwatch.StartNew();
        await app.StartAsync(_options.StartTimeout, cancellationToken);
        _log.WriteLine($"app pid {app.ProcessId} ready at {app.BaseAddress} after {started.Elapsed.TotalSeconds:0.0} s");

        var database = Database.For(_options, data);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = _options.Connections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        })
        {
            BaseAddress = app.BaseAddress,
            Timeout = _options.RequestTimeout,
        };

        var partners = await SetUpPartnersAsync(http, database, demoPassword, cancellationToken);
        var sector = await SectorAsync(database, cancellationToken);
        var items = Enumerable.Range(0, _options.Submissions).Select(i => new Item(i, partners[i % partners.Count], _tag, sector, _options.AttachmentEvery > 0 && i % _options.AttachmentEvery == 0)).ToList();
        _log.WriteLine($"{partners.Count} approved partner organisations; sending {items.Count} submissions over {_options.Connections} connections");

        // Kill moments: random points of progress between 10 % and 90 % of the submissions acknowledged.
        var thresholds = Enumerable.Range(0, _options.Kills)
            .Select(_ => (int)(_options.Submissions * (0.1 + (0.8 * random.NextDouble()))))
            .Order()
            .ToList();

        var queue = Channel.CreateUnbounded<Item>();
        foreach (var item in items)
        {
            queue.Writer.TryWrite(item);
        }

        _remaining = items.Count;
        var load = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = Enumerable.Range(0, _options.Connections).Select(_ => Task.Run(() => WorkAsync(http, queue, stop.Token), stop.Token)).ToList();
        var kills = new List<KillEvent>();
        var killer = KillAsync(app, database, thresholds, load, kills, queue.Reader.Completion, stop.Token);
        try
        {
            await Task.WhenAll(workers.Append(killer));
        }
        finally
        {
            await stop.CancelAsync();
        }

        load.Stop();
        _log.WriteLine($"load done in {load.Elapsed.TotalSeconds:0.0} s; checking replays");
        var (checks, mismatches) = await CheckReplaysAsync(http, items, random, cancellationToken);

        // Nothing may write while the database is counted.
        await app.KillAsync();
        var counted = await Verifier.CountAsync(database, items, _tag, Path.Combine(data, "attachments"), cancellationToken);
        var report = new CrashReport
        {
            Provider = _options.Provider,
            Submissions = _options.Submissions,
            Connections = _options.Connections,
            Partners = partners.Count,
            Seed = seed,
            Kills = kills,
            Acknowledged = _acknowledged,
            RequestsSent = _sent,
            Unanswered = _unanswered,
            RetriedAfterNoAnswer = items.Count(i => i.Unanswered > 0),
            InFlightConflicts = _conflicts,
            RateLimited = _rateLimited,
            ServerErrors = _serverErrors,
            Refused = _refused,
            Replays = _replays,
            ReplayChecks = checks,
            ReplayMismatches = mismatches,
            InDatabase = counted.InDatabase,
            Duplicates = counted.Duplicates,
            Missing = counted.Missing,
            Unacknowledged = items.Count(i => i.Receipt is null),
            KeyProblems = counted.KeyProblems,
            ClaimsLeftInFlight = counted.ClaimsLeftInFlight,
            AttachmentsSent = items.Count(i => i.WithFile && i.Receipt is not null),
            AttachmentsPresent = counted.AttachmentsPresent,
            AttachmentProblems = counted.AttachmentProblems,
            OrphanFiles = counted.OrphanFiles,
            Elapsed = load.Elapsed,
            ProcessIds = app.Started,
            Problems = [.. items.Where(i => i.Problem is not null).Select(i => $"{i.Key}: {i.Problem}"), .. counted.Problems],
        };

        // A temp folder of a run without loss goes; a failed run's (or a folder the caller named) stays for inspection.
        if (_options.DataDirectory is null && report.Passed)
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                _log.WriteLine($"could not delete {data}");
            }
        }

        return report;
    }

    private async Task KillAsync(AppProcess app, Database database, List<int> thresholds, Stopwatch load, List<KillEvent> kills, Task completion, CancellationToken cancellationToken)
    {
        foreach (var threshold in thresholds)
        {
            while (Volatile.Read(ref _acknowledged) < threshold && !completion.IsCompleted)
            {
                await Task.Delay(5, cancellationToken);
            }

            if (completion.IsCompleted)
            {
                _log.WriteLine($"the run finished before kill {kills.Count + 1} at {threshold} acknowledged");
                return;
            }

            var at = load.Elapsed;
            var acknowledged = Volatile.Read(ref _acknowledged);

            // The kill lands while the load runs; only then do new requests wait for the restart. (Holding them first
            // would let the server answer everything on the wire before the signal arrived.)
            var inFlight = Volatile.Read(ref _inFlight);
            app.SignalKill();
            _gate.Close();
            await app.KillAsync();

            // What the dead server left behind: keys it had claimed and not completed (their retries meet 409 until the takeover).
            var claims = await database.QueryAsync(
                "SELECT COUNT(*) FROM \"IdempotencyRecords\" WHERE \"State\" = 0 AND \"Key\" LIKE @key",
                new Dictionary<string, object> { ["@key"] = $"crash-{_tag}-%" }, cancellationToken);
            var restart = Stopwatch.StartNew();
            await app.StartAsync(_options.StartTimeout, cancellationToken);
            _gate.Open();
            var kill = new KillEvent(kills.Count + 1, at, acknowledged, inFlight, Convert.ToInt32(claims[0][0], CultureInfo.InvariantCulture), restart.Elapsed);
            kills.Add(kill);
            _log.WriteLine($"kill {kill.Number} (SIGKILL) at {at.TotalSeconds:0.0} s with {acknowledged} acknowledged and {inFlight} in flight, {kill.ClaimsLeft} key(s) left claimed; pid {app.ProcessId} ready after {kill.Restart.TotalSeconds:0.0} s");
        }
    }

    private async Task WorkAsync(HttpClient http, Channel<Item> queue, CancellationToken cancellationToken)
    {
        while (await queue.Reader.WaitToReadAsync(cancellationToken))
        {
            if (!queue.Reader.TryRead(out var item))
            {
                continue;
            }

            await _gate.WaitAsync(cancellationToken);
            var retryAfter = await SendAsync(http, item, cancellationToken);
            if (retryAfter is null)
            {
                if (Interlocked.Decrement(ref _remaining) == 0)
                {
                    queue.Writer.TryComplete();
                }
            }
            else if (++item.Attempts >= MaxAttempts)
            {
                item.Problem = $"gave up after {MaxAttempts} attempts";
                if (Interlocked.Decrement(ref _remaining) == 0)
                {
                    queue.Writer.TryComplete();
                }
            }
            else if (retryAfter.Value <= TimeSpan.Zero)
            {
                queue.Writer.TryWrite(item);
            }
            else
            {
                _ = Task.Delay(retryAfter.Value, cancellationToken).ContinueWith(_ => queue.Writer.TryWrite(item), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Sends one attempt: null when the item is settled (acknowledged or refused), else the delay before the retry.</summary>
    private async Task<TimeSpan?> SendAsync(HttpClient http, Item item, CancellationToken cancellationToken)
    {
        var token = item.Partner.Token;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(SubmitPath, UriKind.Relative)) { Content = item.Content() };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", item.Key);
        Interlocked.Increment(ref _sent);
        Interlocked.Increment(ref _inFlight);
        HttpStatusCode status;
        string body;
        bool replayed;
        TimeSpan? wait;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cancellationToken);
            replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Contains("true");
            wait = response.Headers.RetryAfter?.Delta;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // No answer: the server died under the request (or was down). Retry with the same key and body.
            Interlocked.Increment(ref _unanswered);
            item.Unanswered++;
            if (Environment.GetEnvironmentVariable("KI_CRASH_TRACE") == "1")
            {
                _log.WriteLine($"trace {DateTime.UtcNow:HH:mm:ss.fff} {item.Key} -> {ex.GetType().Name}");
            }
            return TimeSpan.Zero;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }

        if (item.Unanswered > 0 && Environment.GetEnvironmentVariable("KI_CRASH_TRACE") == "1")
        {
            _log.WriteLine($"trace {DateTime.UtcNow:HH:mm:ss.fff} {item.Key} -> {(int)status}");
        }

        switch (status)
        {
            case HttpStatusCode.Created:
                item.Receipt = body;
                var receipt = JsonSerializer.Deserialize<Receipt>(body, Json)!;
                item.Reference = receipt.Reference;
                item.SubmissionId = receipt.Id;
                Interlocked.Increment(ref _acknowledged);
                if (replayed)
                {
                    Interlocked.Increment(ref _replays);
                }

                return null;
            case HttpStatusCode.Conflict:
                // The key's first attempt is still in flight, or died with the server: retried until it completes or
                // the takeover lets this repeat finish it.
                Interlocked.Increment(ref _conflicts);
                return TimeSpan.FromMilliseconds(250 * Math.Min(item.Attempts + 1, 8));
            case HttpStatusCode.TooManyRequests:
                Interlocked.Increment(ref _rateLimited);
                return wait ?? TimeSpan.FromSeconds(1);
            case HttpStatusCode.Unauthorized:
                await item.Partner.RefreshAsync(http, token, cancellationToken);
                return TimeSpan.Zero;
            case >= HttpStatusCode.InternalServerError:
                Interlocked.Increment(ref _serverErrors);
                item.Problem ??= $"{(int)status} (then retried): {Shorten(body)}";
                return TimeSpan.FromMilliseconds(500);
            default:
                Interlocked.Increment(ref _refused);
                item.Problem = $"{(int)status}: {Shorten(body)}";
                return null;
        }
    }

    /// <summary>Repeats a sample of acknowledged submissions: each must replay its first receipt byte for byte.</summary>
    private static async Task<(int Checks, int Mismatches)> CheckReplaysAsync(HttpClient http, List<Item> items, Random random, CancellationToken cancellationToken)
    {
        var sample = items.Where(i => i.Receipt is not null).OrderBy(_ => random.Next()).Take(ReplaySample).ToList();
        var mismatches = 0;
        foreach (var item in sample)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(SubmitPath, UriKind.Relative)) { Content = item.Content() };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", item.Partner.Token);
            request.Headers.Add("Idempotency-Key", item.Key);
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.Created || body != item.Receipt || !response.Headers.Contains("Idempotent-Replayed"))
            {
                mismatches++;
                item.Problem ??= $"replay answered {(int)response.StatusCode} {Shorten(body)}";
            }
        }

        return (sample.Count, mismatches);
    }

    private async Task<List<PartnerAccount>> SetUpPartnersAsync(HttpClient http, Database database, string demoPassword, CancellationToken cancellationToken)
    {
        // The demo organisation's account, seeded outside Development with the run's password, must change it first.
        var partners = new List<PartnerAccount> { new("partner", demoPassword, $"Load#{_tag}B2") };
        for (var k = 2; k <= _options.Partners; k++)
        {
            var userName = $"load{k}-{_tag}";
            var password = $"Load#{_tag}c{k}";
            using var response = await http.PostAsJsonAsync("/api/v1/portal/registrations", new
            {
                nameZh = $"压测合作机构{k} {_tag}",
                nameEn = $"Load Partner {k} {_tag}",
                type = "Intermediary",
                country = "CN",
                userName,
                displayName = $"压测用户{k}",
                email = $"{userName}@example.test",
                password,
            }, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"registering partner {k}: {(int)response.StatusCode} {body}");
            }

            // Approval is an administrator's click; set-up does it in the database (no admin second factor to script).
            var partnerId = JsonDocument.Parse(body).RootElement.GetProperty("partnerId").GetGuid();
            var approved = await database.ExecuteAsync(
                "UPDATE \"Partners\" SET \"Status\" = 1, \"ApprovedAtUtc\" = @now WHERE \"Id\" = @id",
                new Dictionary<string, object> { ["@now"] = DateTime.UtcNow, ["@id"] = database.Guid(partnerId) },
                cancellationToken);
            if (approved != 1)
            {
                throw new InvalidOperationException($"approving partner {k} changed {approved} rows");
            }

            partners.Add(new PartnerAccount(userName, password, password));
        }

        foreach (var partner in partners)
        {
            await partner.RefreshAsync(http, null, cancellationToken);
        }

        return partners;
    }

    private static async Task<Guid> SectorAsync(Database database, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync("SELECT \"Id\" FROM \"Sectors\" WHERE \"IsActive\" ORDER BY \"Code\" LIMIT 1", new Dictionary<string, object>(), cancellationToken);
        return rows.Count == 1
            ? Guid.Parse(Convert.ToString(rows[0][0], CultureInfo.InvariantCulture)!)
            : throw new InvalidOperationException("no active sector in the reference seed");
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private sealed record Receipt(Guid Id, string Reference);

    /// <summary>Holds requests while the server is being restarted.</summary>
    private sealed class Gate
    {
        private volatile TaskCompletionSource _open = Opened();

        public Task WaitAsync(CancellationToken cancellationToken) => _open.Task.WaitAsync(cancellationToken);

        public void Close()
        {
            if (_open.Task.IsCompleted)
            {
                _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        public void Open() => _open.TrySetResult();

        private static TaskCompletionSource Opened()
        {
            var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            source.SetResult();
            return source;
        }
    }
}

/// <summary>A partner account: its bearer token, fetched again on 401 (e.g. if a restart lost the signing keys).</summary>
internal sealed class PartnerAccount(string userName, string password, string changedPassword)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private string _password = password;

    public string UserName => userName;
    public string Token { get; private set; } = "";

    public async Task RefreshAsync(HttpClient http, string? stale, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (stale is not null && Token != stale)
            {
                return;
            }

            for (var attempt = 0; attempt < 3; attempt++)
            {
                using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = _password }, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    Token = JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
                    return;
                }

                if (response.StatusCode == HttpStatusCode.Forbidden && body.Contains("password_change_required", StringComparison.Ordinal))
                {
                    using var change = await http.PostAsJsonAsync("/api/v1/auth/change-password",
                        new { userName, currentPassword = _password, newPassword = changedPassword }, cancellationToken);
                    if (!change.IsSuccessStatusCode)
                    {
                        throw new InvalidOperationException($"changing {userName}'s password: {(int)change.StatusCode} {await change.Content.ReadAsStringAsync(cancellationToken)}");
                    }

                    _password = changedPassword;
                    continue;
                }

                throw new InvalidOperationException($"signing in as {userName}: {(int)response.StatusCode} {body}");
            }

            throw new InvalidOperationException($"could not sign in as {userName}");
        }
        finally
        {
            _lock.Release();
        }
    }
}

/// <summary>One submission of the run: a unique key and body, the same on every attempt.</summary>
internal sealed class Item(int index, PartnerAccount partner, string tag, Guid sector, bool withFile)
{
    public int Index => index;
    public PartnerAccount Partner => partner;
    public bool WithFile => withFile;
    public string Key { get; } = $"crash-{tag}-{index:D5}";
    public string Name { get; } = $"压测企业 {tag} #{index:D5}";
    public int Attempts { get; set; }
    public int Unanswered { get; set; }
    public string? Receipt { get; set; }
    public string? Reference { get; set; }
    public Guid? SubmissionId { get; set; }
    public string? Problem { get; set; }
    public string FileName => $"plan-{index:D5}.pdf";
    public byte[] FileContent => Encoding.ASCII.GetBytes($"%PDF-1.4\n% crash-under-load {Key}\n%%EOF\n");

    private object Fields => new
    {
        enterpriseNameZh = Name,
        enterpriseNameEn = $"Load Test {Key}",
        country = "DE",
        creditCode = (string?)null,
        summary = $"压测报送 {index}:拟在昆山设立华东生产基地。",
        sectorId = sector,
        estimatedInvestment = new { minorUnits = 100_000_000L + index, currency = "CNY" },
        landMu = 10 + (index % 50),
        expectedJobs = 50 + (index % 200),
        contactName = "压测联系人",
        contactPhone = "+86 512 0000 0000",
        contactEmail = $"load{index}@example.test",
    };

    public HttpContent Content()
    {
        if (!withFile)
        {
            return JsonContent.Create(Fields);
        }

        var form = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(Fields, JsonSerializerOptions.Web), Encoding.UTF8, "application/json"), "submission" },
        };
        var file = new ByteArrayContent(FileContent);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "files", FileName);
        return form;
    }
}
