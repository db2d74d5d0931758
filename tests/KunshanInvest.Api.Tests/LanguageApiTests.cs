using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// Issue 15 item 7: problem details are worded in the reader's language — the request's Accept-Language, else the
/// user's stored choice, else Chinese — and carry the message codes, per field beside the errors.
/// </summary>
public abstract class LanguageApiTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string Enterprises = "/api/v1/enterprises";

    private static object Nameless() =>
        new { nameZh = (string?)null, nameEn = (string?)null, creditCode = "91320583MA0DE0013X", country = "CN", ownership = "Domestic", fortune500 = false, listed = false };

    private async Task<JsonElement> ProblemAsync(string? acceptLanguage)
    {
        using var officer = await fixture.ClientAsync("officer");
        using var request = new HttpRequestMessage(HttpMethod.Post, Enterprises) { Content = JsonContent.Create(Nameless()) };
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        return await (await officer.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    private static IEnumerable<string> Messages(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().SelectMany(p => p.Value.EnumerateArray()).Select(e => e.GetString() ?? "");

    [Fact]
    public async Task Without_Accept_Language_a_problem_is_in_Chinese_with_its_codes()
    {
        var problem = await ProblemAsync(null);

        Assert.Equal("请求有误。", problem.GetProperty("title").GetString());
        Assert.Contains("请填写中文名称或英文名称", problem.GetProperty("errors").GetProperty("nameZh")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("校验位", problem.GetProperty("errors").GetProperty("creditCode")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("enterprise.needs_name", problem.GetProperty("codes").GetProperty("nameZh")[0].GetString());
        Assert.Equal("credit_code.check", problem.GetProperty("codes").GetProperty("creditCode")[0].GetString());
    }

    [Fact]
    public async Task With_Accept_Language_en_the_same_problem_is_in_English()
    {
        var problem = await ProblemAsync("en-US,en;q=0.9");

        Assert.Equal("One or more fields are invalid.", problem.GetProperty("title").GetString());
        Assert.Equal("Give a Chinese or an English name.", problem.GetProperty("errors").GetProperty("nameZh")[0].GetString());
        Assert.Equal("enterprise.needs_name", problem.GetProperty("codes").GetProperty("nameZh")[0].GetString());
        Assert.All(Messages(problem), m => Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", m));
    }

    [Fact]
    public async Task FluentValidations_own_messages_name_the_field_by_its_label()
    {
        using var officer = await fixture.ClientAsync("officer");
        var body = new { nameZh = new string('名', 201), nameEn = (string?)null, country = "CN", ownership = "Domestic", fortune500 = false, listed = false };

        foreach (var (language, label) in new[] { ("zh-CN", "中文名称"), ("en-US", "Chinese name") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Enterprises) { Content = JsonContent.Create(body) };
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
            var problem = await (await officer.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

            var messages = string.Join(" ", problem.GetProperty("errors").GetProperty("nameZh").EnumerateArray().Select(e => e.GetString()));
            Assert.Contains(label, messages, StringComparison.Ordinal);
            Assert.DoesNotContain("Name Zh", messages, StringComparison.Ordinal);
        }
    }
}

public sealed class SqliteLanguageApiTests(SqliteApp fixture) : LanguageApiTests<SqliteApp>(fixture);

public sealed class PostgresLanguageApiTests(PostgresApp fixture) : LanguageApiTests<PostgresApp>(fixture);
