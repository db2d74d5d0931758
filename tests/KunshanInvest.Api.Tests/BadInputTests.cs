using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// Generated bad input (issue 8): for every write endpoint under /api/v1 (from the app's own endpoint data source), CsCheck
/// derives requests from the endpoint's OpenAPI schema and breaks them — wrong JSON types, missing and extra fields,
/// 100k-character strings, control characters, NUL and lone surrogates, invalid enums, negative and overflowing numbers,
/// impossible dates, script payloads, malformed JSON, wrong content types, bogus route values, If-Match headers and query
/// strings — and sends them as a caller the endpoint admits. The app must never answer 5xx, and every 4xx must be problem
/// details. Each request is generated from (seed, index), so one failing request replays on its own:
/// <c>KI_FUZZ_SEED=… KI_FUZZ_ONLY=index dotnet test --filter …BadInput…</c>.
/// </summary>
public abstract class BadInputTests<TApp>(TApp fixture, int requests) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const ulong DefaultSeed = 20261127;

    private static readonly int Parallelism = int.TryParse(Environment.GetEnvironmentVariable("KI_FUZZ_PARALLEL"), CultureInfo.InvariantCulture, out var p) ? p : 2;

    [Fact]
    public async Task No_generated_request_gets_a_5xx_and_every_4xx_is_problem_details()
    {
        var app = fixture.App;
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("KI_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        var count = int.TryParse(Environment.GetEnvironmentVariable("KI_FUZZ_REQUESTS"), CultureInfo.InvariantCulture, out var n) ? n : requests;
        int? only = int.TryParse(Environment.GetEnvironmentVariable("KI_FUZZ_ONLY"), CultureInfo.InvariantCulture, out var o) ? o : null;

        var world = await MatrixWorld.CreateAsync(fixture);
        var openApi = JsonDocument.Parse(await world.Client(Caller.Anonymous).GetStringAsync("/openapi/v1.json")).RootElement;
        var table = MatrixEndpoints.Parse(AuthorizationMatrix.Table);
        var targets = MatrixEndpoints.Enumerate(app.Services)
            .Where(e => e.Pattern.StartsWith("/api/v1/", StringComparison.Ordinal) && e.Method is "POST" or "PUT" or "PATCH" or "DELETE")
            .Select(e => new FuzzTarget(e, AdmittedCaller(table[e.Key]), Schemas.Operation(openApi, e)))
            .ToList();
        Assert.True(targets.Count >= 50, $"Only {targets.Count} write endpoints found.");

        var gen = new RequestGen(openApi, world, targets).Request;
        var indexes = only is { } single ? [single] : Enumerable.Range(0, count).ToArray();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var slowest = new System.Collections.Concurrent.ConcurrentDictionary<string, double>(StringComparer.Ordinal);
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(indexes, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (index, ct) =>
        {
            var fuzz = gen.Generate(new PCG((uint)index, seed), null, out _);
            using var request = fuzz.ToMessage();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var response = await world.Client(fuzz.Caller).SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            slowest.AddOrUpdate($"{fuzz.Method} {fuzz.Url.Split('?')[0]}", clock.Elapsed.TotalMilliseconds, (_, t) => t + clock.Elapsed.TotalMilliseconds);
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, c) => c + 1);
            if (Problem(response, body) is { } problem)
            {
                failures.Add($"[KI_FUZZ_SEED={seed} KI_FUZZ_ONLY={index}] {fuzz} → {status}: {problem}");
            }
        });

        var summary = $"{indexes.Length} generated requests on {app.Provider} over {targets.Count} write endpoints in {started.Elapsed.TotalSeconds:0.0} s (seed {seed}); statuses: "
            + string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}×{p.Value}"));
        Console.WriteLine(summary);
        Console.WriteLine("Most time: " + string.Join(", ", slowest.OrderByDescending(p => p.Value).Take(8).Select(p => $"{p.Key} {p.Value / 1000:0.0} s")));
        Assert.True(failures.IsEmpty, $"{failures.Count} bad answers. {summary}\n" + string.Join("\n", failures.Take(15)));
    }

    /// <summary>Null when the answer is acceptable; otherwise what is wrong with it.</summary>
    private static string? Problem(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return Truncate(body);
        }

        if (status < 400)
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"a {status} without problem details ({response.Content.Headers.ContentType?.MediaType ?? "no content type"}): {Truncate(body)}";
        }

        try
        {
            var json = JsonDocument.Parse(body).RootElement;
            return json.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number && s.GetInt32() == status
                && json.TryGetProperty("title", out var t) && !string.IsNullOrEmpty(t.GetString())
                ? null
                : $"problem details without status {status} and title: {Truncate(body)}";
        }
        catch (JsonException)
        {
            return $"problem details that are not JSON: {Truncate(body)}";
        }
    }

    /// <summary>The caller the matrix admits, preferring those that reach the deepest rules (owner, then admin…).</summary>
    private static Caller AdmittedCaller(string[] row) =>
        new[] { Caller.Owner, Caller.Admin, Caller.Manager, Caller.PartnerA, Caller.Anonymous }.First(c => row[(int)c] == "ok");

    private static string Truncate(string text) => text.Length <= 400 ? text : text[..400] + "…";
}

internal sealed record FuzzTarget(MatrixEndpoint Endpoint, Caller Caller, JsonElement? Operation);

/// <summary>One generated request; prints short enough to read in a failure message.</summary>
internal sealed record FuzzRequest(Caller Caller, string Method, string Url, string? ContentType, byte[]? Body, string? IfMatch, string? IdempotencyKey)
{
    public HttpRequestMessage ToMessage()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        if (IfMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", IfMatch);
        }

        if (IdempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey);
        }

        return request;
    }

    public override string ToString()
    {
        var body = Body is null ? "(no body)" : Encoding.UTF8.GetString(Body);
        body = body.Length <= 300 ? body : $"{body[..300]}… ({body.Length} chars)";
        return $"{Caller} {Method} {(Url.Length <= 200 ? Url : Url[..200] + "…")} [{ContentType}] If-Match={IfMatch} Idempotency-Key={IdempotencyKey?.Length.ToString(CultureInfo.InvariantCulture)} {body}";
    }
}

/// <summary>Finds an endpoint's operation in the OpenAPI document and resolves schema references.</summary>
internal static class Schemas
{
    public static JsonElement? Operation(JsonElement openApi, MatrixEndpoint endpoint)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(endpoint.Pattern, @"\{([^:}]+)(:[^}]+)?\}", "{$1}").TrimEnd('/');
        return openApi.GetProperty("paths").TryGetProperty(path, out var item) && item.TryGetProperty(endpoint.Method.ToLowerInvariant(), out var op)
            ? op
            : null;
    }

    public static JsonElement Resolve(JsonElement openApi, JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            schema = openApi.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!["#/components/schemas/".Length..]);
        }

        return schema;
    }
}

/// <summary>The CsCheck generators: a request is an endpoint, its route values, query, headers and a broken body.</summary>
internal sealed class RequestGen
{
    /// <summary>100,000 characters, as a JSON literal (made once: generators are built per endpoint, not per request).</summary>
    private static readonly string HugeLiteral = "\"" + new string('汉', 99_990) + "<script>\"";

    private static readonly string[] Scripts =
    [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "<svg/onload=alert(1)>",
        "{{7*7}}@(1+1)",
        "'; DROP TABLE \"Projects\"; --",
    ];

    /// <summary>
    /// JSON string literals, written as JSON text so lone surrogates and NULs can be spelt as escapes. No demo user name
    /// (user names match case-insensitively): repeated wrong passwords would lock out the callers the run depends on.
    /// </summary>
    private static readonly string[] StringLiterals =
    [
        "\"\"", "\"   \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\u0001\\u0002\\u001f\\u007f\"", "\"line\\r\\nbreak\\ttab\"",
        "\"\\ud800\"", "\"x\\udc00y\"", "\"\\udbff\\udbff\"", "\"\\u202eevil\"", "\"𠜎𠜱𡃁\"", "\"ＡＢＣ１２３\"", "\"%00%0d%0a\"",
        "\"../../etc/passwd\"", "\"2026-13-45\"", "\"0000-00-00\"", "\"-1\"", "\"1e308\"", "\"true\"", "\"null\"", "\"CNY\"", "\"USD\"",
        "\"XXX\"", "\"cny\"", "\"Officers\"", "\"Root\"", "\"Partner \"", "\"nobody\"", "\"a@b.c\"", "\"Demo#2026\"",
        "\"91320583MA1X2Y3Z4Q\"", "\"91320583MA1X2Y3Z40\"",
    ];

    private static readonly string[] IntegerLiterals =
    [
        "0", "1", "-1", "42", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "99999999999999999999999999", "1e308", "-1e308", "1.5", "1e2", "\"12\"", "\"-0\"", "\"0x10\"", "\"\"",
    ];

    private static readonly string[] NumberLiterals =
    [
        "0", "-1", "0.5", "1e308", "-1e308", "1.7976931348623157e308", "4.9e-324", "1e400", "-0", "\"NaN\"", "\"Infinity\"",
        "\"-Infinity\"", "123456789012345678901234567890.5", "\"1,5\"",
    ];

    private static readonly string[] DateLiterals =
    [
        "\"2026-11-27\"", "\"2026-13-45\"", "\"2026-02-30\"", "\"0000-01-01\"", "\"0001-01-01\"", "\"9999-12-31\"", "\"27/11/2026\"",
        "\"2026-11-27T10:00:00Z\"", "\"20261127\"", "\"\"", "\"-2026-01-01\"",
    ];

    private static readonly string[] DateTimeLiterals =
    [
        "\"2026-11-27T02:00:00Z\"", "\"2026-11-27T10:00:00+08:00\"", "\"2026-13-45T25:61:00Z\"", "\"0001-01-01T00:00:00\"",
        "\"0001-01-01T00:00:00+14:00\"", "\"9999-12-31T23:59:59.9999999-14:00\"", "\"9999-12-31T23:59:59Z\"", "\"yesterday\"",
        "\"1700000000\"", "1700000000", "\"2026-11-27 10:00\"", "\"Fri, 27 Nov 2026 10:00:00 GMT\"",
    ];

    private static readonly string[] WrongTypes = ["null", "true", "false", "0", "-1", "\"text\"", "[]", "[1,\"a\",null]", "{}", "{\"a\":{\"b\":[]}}"];

    private static readonly string[] MalformedBodies =
    [
        "{", "{\"a\":", "{\"a\":1,}", "{'a':'b'}", "nul", "[1,2", "\"unterminated", "{\"a\":01}", "{\"a\":NaN}", "{\"a\":.5}",
        "\u0000", "\ufeff{}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "<xml/>", "a=1&b=2", "{} {}", "{\"a\":1}garbage",
        new string('[', 5000) + new string(']', 5000),
    ];

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "application/json; charset=latin1",
        "application/json; charset=utf-32", "application/octet-stream", "multipart/form-data", "multipart/form-data; boundary=",
        "application/merge-patch+json", "*/*",
    ];

    private static readonly string[] IfMatches =
    [
        "W/\"0\"", "W/\"1\"", "\"0\"", "*", "W/\"-1\"", "W/\"2147483648\"", "W/\"abc\"", "garbage", "W/\"99999999999999999999\"",
        "W/\"1\", W/\"2\"", "W/\"\"", "W/",
    ];

    private static readonly string[] Queries =
    [
        "confirm=maybe", "confirm=true", "confirm=", "survivorVersion=abc", "survivorVersion=99999999999", "survivorVersion=-1",
        "year=-5", "status=Bogus", "all=perhaps", "x=%00", "a=%3Cscript%3E", "confirm=true&confirm=false", "%zz=1", "=", "&&&",
    ];

    private static readonly string[] BogusSegments = ["0", "not-a-guid", "00000000-0000-0000-0000-00000000000g", "%2500", "..%2F..%2Fetc", new('9', 2000)];

    private static readonly string[] JobNames = ["pipeline-snapshot", "nope", "..", "%3Cscript%3E", "weekly-digest", new('j', 500)];

    private readonly JsonElement _openApi;
    private readonly MatrixWorld _world;

    public RequestGen(JsonElement openApi, MatrixWorld world, IReadOnlyList<FuzzTarget> targets)
    {
        _openApi = openApi;
        _world = world;
        var perTarget = targets.Select(ForTarget).ToArray();
        Request = Gen.Int[0, perTarget.Length - 1].SelectMany(i => perTarget[i]);
    }

    public Gen<FuzzRequest> Request { get; }

    private Gen<FuzzRequest> ForTarget(FuzzTarget target)
    {
        var endpoint = target.Endpoint;
        var url = Url(endpoint);
        var query = Weighted((6, Gen.Const("")), (2, Pick(Queries).Select(q => "?" + q)));
        var ifMatch = Weighted((3, Gen.Const((string?)null)), (1, Gen.Const((string?)_world.StaleIfMatch)), (3, Pick(IfMatches).Select(v => (string?)v)));
        var key = Weighted((3, Gen.Const((string?)null)), (2, Gen.Int.Select(i => (string?)$"k-{i}")), (1, Gen.Const((string?)new string('k', 300))));
        var body = Body(target);
        return Gen.Select(url, query, ifMatch, key, body, (u, q, m, k, b) =>
            new FuzzRequest(target.Caller, endpoint.Method, u + q, b.ContentType, b.Body, m, k));
    }

    /// <summary>Route values: the real rows (so handlers run) or bogus ones (non-guid, unknown id, huge).</summary>
    private Gen<string> Url(MatrixEndpoint endpoint)
    {
        var real = _world.Path(endpoint.Method, endpoint.Pattern);
        if (!endpoint.Pattern.Contains('{', StringComparison.Ordinal))
        {
            return Gen.Const(real);
        }

        var segments = endpoint.Pattern.Split('/');
        var realSegments = real.Split('?')[0].Split('/');
        var variable = Enumerable.Range(0, segments.Length).Where(i => segments[i].StartsWith('{')).ToArray();
        Gen<string> Bogus(int index) => segments[index].StartsWith("{name", StringComparison.Ordinal)
            ? Pick(JobNames)
            : Weighted((2, Gen.Guid.Select(g => g.ToString())), (1, Pick(BogusSegments)));
        return Weighted(
            (6, Gen.Const(real)),
            (3, Gen.Int[0, variable.Length - 1].SelectMany(v => Bogus(variable[v]).Select(b =>
            {
                var copy = (string[])realSegments.Clone();
                copy[variable[v]] = b;
                return string.Join('/', copy);
            }))));
    }

    private Gen<(string? ContentType, byte[]? Body)> Body(FuzzTarget target)
    {
        var content = target.Operation is { } op && op.TryGetProperty("requestBody", out var rb) ? rb.GetProperty("content") : (JsonElement?)null;
        var multipart = content?.TryGetProperty("multipart/form-data", out var mp) == true ? mp.GetProperty("schema") : (JsonElement?)null;
        var json = content?.TryGetProperty("application/json", out var js) == true ? js.GetProperty("schema") : (JsonElement?)null;

        var generated = json is { } schema ? Value(schema, 0) : Weighted((3, Gen.Const("{}")), (1, Pick(WrongTypes)));
        var jsonBody = generated.Select(text => ((string?)"application/json", (byte[]?)Encoding.UTF8.GetBytes(text)));
        var options = new List<(int, Gen<(string?, byte[]?)>)>
        {
            (json is null ? 2 : 12, jsonBody),
            (1, Pick(MalformedBodies).Select(text => ((string?)"application/json", (byte[]?)Encoding.UTF8.GetBytes(text)))),
            (1, Gen.Select(Pick(ContentTypes), generated, (type, text) => ((string?)type, (byte[]?)Encoding.UTF8.GetBytes(text)))),
            (1, Gen.Const<(string?, byte[]?)>((null, null))),
            (1, Gen.Const<(string?, byte[]?)>(("application/json", []))),
        };
        if (multipart is not null)
        {
            var field = target.Endpoint.Pattern.EndsWith("/import", StringComparison.Ordinal) ? "file" : "files";
            var submission = json is { } s ? Value(s, 0) : Gen.Const("{}");
            options.Add((json is null ? 12 : 6, Multipart(submission, field, includeSubmission: json is not null)));
        }

        return Weighted([.. options]);
    }

    /// <summary>A form: the JSON field <c>submission</c> (when the endpoint has one) and files with hostile names and content.</summary>
    private static Gen<(string?, byte[]?)> Multipart(Gen<string> submission, string field, bool includeSubmission)
    {
        var names = Pick("方案.pdf", "../../etc/passwd.pdf", "a\u0000b.pdf", "x.exe", "leads.xlsx", "photo.png", "<script>.docx", new string('n', 400) + ".pdf", "");
        var contents = Pick(
            PortalWork.PdfBytes,
            PortalWork.PngBytes,
            Encoding.ASCII.GetBytes("MZ this is not a pdf"),
            Array.Empty<byte>(),
            Encoding.ASCII.GetBytes("PK\u0003\u0004 not really a zip"),
            Encoding.UTF8.GetBytes("%PDF-1.7 <script>alert(1)</script>"));
        var file = Gen.Select(names, contents, (n, c) => (Name: n, Content: c));
        return Gen.Select(submission, file.Array[0, 6], Gen.Bool, (json, files, withSubmission) =>
        {
            // Written by hand: the framework's multipart writer refuses the hostile file names this is meant to send.
            const string Boundary = "----ki-fuzz-boundary";
            using var stream = new MemoryStream();
            void Write(string text) => stream.Write(Encoding.UTF8.GetBytes(text));
            if (includeSubmission && withSubmission)
            {
                Write($"--{Boundary}\r\nContent-Disposition: form-data; name=\"submission\"\r\nContent-Type: application/json\r\n\r\n{json}\r\n");
            }

            foreach (var (name, bytes) in files)
            {
                Write($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n");
                stream.Write(bytes);
                Write("\r\n");
            }

            Write($"--{Boundary}--\r\n");
            return ((string?)$"multipart/form-data; boundary={Boundary}", (byte[]?)stream.ToArray());
        });
    }

    /// <summary>A JSON value for the schema: valid-looking most of the time, broken often enough to reach every rule.</summary>
    private Gen<string> Value(JsonElement schema, int depth)
    {
        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            var branches = oneOf.EnumerateArray().Select(b => Value(b, depth)).ToArray();
            return Gen.Int[0, branches.Length - 1].SelectMany(i => branches[i]);
        }

        schema = Schemas.Resolve(_openApi, schema);
        var wrong = Pick(WrongTypes);
        if (schema.TryGetProperty("enum", out var values))
        {
            var valid = values.EnumerateArray().Select(v => JsonSerializer.Serialize(v.GetString())).ToArray();
            return Weighted((6, Pick(valid)), (1, Pick("\"Bogus\"", "999", "-1", "\"\"", "\"lead\"", "\"0\"")), (1, wrong));
        }

        var types = schema.TryGetProperty("type", out var type)
            ? type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToHashSet() : [type.GetString()!]
            : [];
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        Gen<string> right;
        if (types.Contains("object") && schema.TryGetProperty("properties", out var properties))
        {
            right = depth >= 3 ? Gen.Const("{}") : Object(properties, depth + 1);
        }
        else if (types.Contains("array"))
        {
            var item = schema.TryGetProperty("items", out var items) && depth < 3 ? Value(items, depth + 1) : Pick(WrongTypes);
            right = item.Array[0, 3].Select(xs => "[" + string.Join(",", xs) + "]");
        }
        else if (types.Contains("integer"))
        {
            right = Weighted((3, Pick(IntegerLiterals)), (2, Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture))));
        }
        else if (types.Contains("number"))
        {
            right = Weighted((3, Pick(NumberLiterals)), (1, Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "0")));
        }
        else if (types.Contains("boolean"))
        {
            right = Pick("true", "false", "\"true\"", "1");
        }
        else if (format == "uuid")
        {
            right = Weighted((4, Pick(_world.KnownIds.Select(id => $"\"{id}\"").ToArray())), (2, Gen.Guid.Select(g => $"\"{g}\"")), (1, Pick("\"\"", "\"not-a-guid\"", "\"00000000-0000-0000-0000-000000000000\"", "0")));
        }
        else if (format == "date")
        {
            right = Pick(DateLiterals);
        }
        else if (format == "date-time")
        {
            right = Pick(DateTimeLiterals);
        }
        else if (types.Contains("string"))
        {
            right = Weighted(
                (12, Gen.String[Gen.Char.AlphaNumeric, 1, 24].Select(x => JsonSerializer.Serialize("测试" + x))),
                (6, Pick(StringLiterals)),
                (3, Pick(Scripts).Select(x => JsonSerializer.Serialize(x))),
                (1, Gen.Const(HugeLiteral)));
        }
        else
        {
            right = wrong;
        }

        return Weighted((8, right), (1, wrong));
    }

    /// <summary>Each property present (mostly), missing, or duplicated; sometimes fields the endpoint does not know.</summary>
    private Gen<string> Object(JsonElement properties, int depth)
    {
        var fields = properties.EnumerateObject()
            .Select(p => Weighted(
                (8, Value(p.Value, depth).Select(v => $"\"{p.Name}\":{v}")),
                (1, Gen.Const("")),
                (1, Value(p.Value, depth).Select(v => $"\"{p.Name}\":{v},\"{p.Name}\":null"))))
            .ToArray();
        var extras = Weighted(
            (6, Gen.Const("")),
            (1, Pick("\"unexpected\":\"x\"", "\"__proto__\":{\"admin\":true}", "\"id\":\"00000000-0000-0000-0000-000000000001\"", "\"version\":-1", "\"ownerId\":null", "\"$type\":\"System.IO.File\"")));
        var all = fields.Aggregate(Gen.Const(new List<string>()), (acc, field) => acc.SelectMany(list => field.Select(x =>
        {
            var next = new List<string>(list);
            if (x.Length > 0)
            {
                next.Add(x);
            }

            return next;
        })));
        return Gen.Select(all, extras, (list, extra) => "{" + string.Join(",", extra.Length > 0 ? [.. list, extra] : list) + "}");
    }

    private static Gen<string> Pick(params string[] values) => Gen.OneOf<string>(values);

    private static Gen<T> Pick<T>(params T[] values) => Gen.OneOf<T>(values);

    private static Gen<T> Weighted<T>(params (int Weight, Gen<T> Gen)[] options) => Gen.Frequency(options.Select(o => (o.Weight, (IGen<T>)o.Gen)).ToArray());
}

public sealed class SqliteBadInputTests(SqliteMatrixApp fixture) : BadInputTests<SqliteMatrixApp>(fixture, 10_000);

public sealed class PostgresBadInputTests(PostgresMatrixApp fixture) : BadInputTests<PostgresMatrixApp>(fixture, 2_000);
