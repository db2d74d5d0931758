using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KunshanInvest.Api.Tests;

/// <summary>A browser-like client (cookies, no redirects followed) posting the UI's forms with their antiforgery token.</summary>
public static partial class FormClient
{
    public static HttpClient Create(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string baseAddress = "http://localhost") =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress) });

    /// <summary>The antiforgery token of the form on <paramref name="page"/> (and its cookie, kept by the client).</summary>
    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, IReadOnlyDictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await TokenAsync(client, page) };
        return await client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password) =>
        PostAsync(client, "/account/login", "/account/login", new Dictionary<string, string> { ["userName"] = userName, ["password"] = password, ["returnUrl"] = "/" });

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
