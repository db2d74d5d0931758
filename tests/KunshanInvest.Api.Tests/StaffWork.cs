using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.FollowUps;
using KunshanInvest.Domain.Interactions;
using KunshanInvest.Domain.Notifications;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// Fresh users, projects and work items for one test: the database is shared by a test class and holds the demo
/// data, so each test makes its own rows rather than counting on what others leave behind.
/// </summary>
internal static class StaffWork
{
    public static DateOnly KunshanToday => TimeProvider.System.BureauToday();

    public static async Task<(Guid Id, HttpClient Client)> NewUserAsync(this AppFixture fixture, string role)
    {
        var userName = $"t{Guid.NewGuid():N}"[..16];
        var user = new AppUser
        {
            UserName = userName,
            Email = $"{userName}@test.kunshan.test",
            EmailConfirmed = true,
            DisplayName = $"测试用户 {userName}",
            CreatedAtUtc = DateTime.UtcNow,
        };
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Check(await users.CreateAsync(user, AppFixture.DemoPassword));
            Check(await users.AddToRoleAsync(user, role));
        }

        return (user.Id, await fixture.ClientAsync(userName));
    }

    public static async Task<Guid> UserIdAsync(this AppFixture fixture, string userName) =>
        await fixture.QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    /// <summary>A project of <paramref name="ownerId"/> with an enterprise of its own, last active a month ago.</summary>
    public static async Task<Guid> NewProjectAsync(this AppFixture fixture, Guid ownerId)
    {
        var code = $"KT-{Guid.NewGuid():N}"[..InvestmentProject.CodeMaxLength];
        var enterprise = new Enterprise($"测试企业 {code}", null, "CN", Ownership.Domestic);
        var project = new InvestmentProject(code, $"测试项目 {code}", SourceChannel.WalkIn, ownerId, DateTime.UtcNow.AddDays(-30));
        project.Place(enterprise.Id, null, null);
        await fixture.WriteAsync(db => db.AddRange(enterprise, project));
        return project.Id;
    }

    public static async Task<Guid[]> AddFollowUpsAsync(this AppFixture fixture, Guid projectId, Guid assigneeId, params int[] dueInDays)
    {
        var followUps = dueInDays
            .Select((days, i) => new FollowUp(projectId, assigneeId, KunshanToday.AddDays(days), $"任务 {i + 1}({days:+0;-0;0} 天)", assigneeId, DateTime.UtcNow))
            .ToList();
        await fixture.WriteAsync(db => db.FollowUps.AddRange(followUps));
        return [.. followUps.Select(f => f.Id)];
    }

    public static async Task AddInteractionsAsync(this AppFixture fixture, Guid projectId, Guid byUserId, int count)
    {
        var enterpriseId = await fixture.QueryAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.EnterpriseId!.Value).SingleAsync());
        var start = DateTime.UtcNow.AddDays(-count);
        await fixture.WriteAsync(db => db.Interactions.AddRange(Enumerable.Range(1, count).Select(i =>
            new Interaction(enterpriseId, projectId, InteractionKind.Call, start.AddDays(i), byUserId, $"第 {i} 次电话", null, DateTime.UtcNow))));
    }

    public static async Task<Guid> AddNotificationAsync(this AppFixture fixture, Guid userId, string title)
    {
        var notification = new Notification(userId, "test", title, null, null, DateTime.UtcNow);
        await fixture.WriteAsync(db => db.Notifications.Add(notification));
        return notification.Id;
    }

    public static async Task<T> QueryAsync<T>(this AppFixture fixture, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, object? body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Guid Id(this JsonElement element, string property = "id") => element.GetProperty(property).GetGuid();

    internal static async Task WriteAsync(this AppFixture fixture, Action<AppDbContext> change)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        change(db);
        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
