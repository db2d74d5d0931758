using System.Globalization;
using System.Net;
using System.Text;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Notifications;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Jobs.SendWeeklyDigest;

/// <summary>
/// The weekly digest to every manager: the last full week's (Monday to Sunday, Kunshan time) new leads, stage moves
/// and signings, and the 六未 projects as they stand, as an HTML e-mail and an in-app notice. Once per manager and ISO
/// week: the notice's unique key (kind, week, manager) settles a race between two servers. The notice is stored as
/// codes and arguments (worded when read); the e-mail is composed in each manager's chosen language.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record SendWeeklyDigest : ICommand<JobResult>;

public sealed record WeeklyDigest(DateOnly From, DateOnly To, int NewLeads, int StageMoves, IReadOnlyList<DigestProject> Signings, IReadOnlyList<DigestProject> NewLeadList, int Stalled);

public sealed record DigestProject(string Code, string Name);

public sealed class SendWeeklyDigestHandler(IAppDbContext db, IUserDirectory users, IOptions<StalledOptions> stalled, TimeProvider clock)
    : ICommandHandler<SendWeeklyDigest, JobResult>
{
    private const int Listed = 20;

    public async ValueTask<JobResult> Handle(SendWeeklyDigest command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var from = JobPeriods.WeekStart(BureauCalendar.DateOf(now)).AddDays(-7);
        var period = JobPeriods.Week(from);
        var managers = await users.ActiveUsersInRoleAsync(Roles.Manager, cancellationToken);
        var done = await db.Notifications.Where(n => n.Kind == JobKinds.Digest && n.Period == period).Select(n => n.UserId).ToListAsync(cancellationToken);
        var due = managers.Except(done).ToList();
        if (due.Count == 0)
        {
            return new JobResult(JobNames.WeeklyDigest, 0);
        }

        var digest = await ComposeAsync(from, now, cancellationToken);
        var languages = await users.LanguagesAsync(due, cancellationToken);
        var title = M.DigestTitle.With(
            ("from", digest.From.ToString("MM-dd", CultureInfo.InvariantCulture)), ("to", digest.To.ToString("MM-dd", CultureInfo.InvariantCulture)),
            ("leads", digest.NewLeads), ("signings", digest.Signings.Count), ("stalled", digest.Stalled));
        var body = M.DigestBody.With(("moves", digest.StageMoves));
        var zh = Messages.DefaultCulture;
        var args = new Dictionary<string, object?>(title.Args, StringComparer.Ordinal) { ["moves"] = digest.StageMoves };
        foreach (var manager in due)
        {
            var culture = Messages.CultureOf(languages.GetValueOrDefault(manager));
            var notice = Notification.ForEffect(manager, JobKinds.Digest, manager, period, title.Render(zh), body.Render(zh), "/dashboard", now)
                .Coded(title.Code, body.Code, SaidJson.Write(args));
            db.Notifications.Add(notice);
            db.OutboxEmails.Add(OutboxEmail.Composed(manager, notice.Id, title.Render(culture), Html(digest, culture), now));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another server sent this week's digest between our read and our insert: the unique key refused ours.
            db.DiscardChanges();
            return new JobResult(JobNames.WeeklyDigest, 0);
        }

        return new JobResult(JobNames.WeeklyDigest, due.Count);
    }

    public async Task<WeeklyDigest> ComposeAsync(DateOnly from, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var startUtc = BureauCalendar.ToUtc(from, TimeOnly.MinValue);
        var endUtc = BureauCalendar.ToUtc(from.AddDays(7), TimeOnly.MinValue);
        var leads = db.Projects.AsNoTracking().Where(p => p.CreatedAtUtc >= startUtc && p.CreatedAtUtc < endUtc);
        var newLeads = await leads.CountAsync(cancellationToken);
        var leadList = await leads.OrderBy(p => p.Code).Take(Listed).Select(p => new DigestProject(p.Code, p.Name)).ToListAsync(cancellationToken);
        var moves = await db.StageChanges.AsNoTracking().CountAsync(c => c.From != null && c.AtUtc >= startUtc && c.AtUtc < endUtc, cancellationToken);
        var signings = await db.StageChanges.AsNoTracking()
            .Where(c => c.To == ProjectStage.Signed && c.AtUtc >= startUtc && c.AtUtc < endUtc)
            .Join(db.Projects, c => c.ProjectId, p => p.Id, (c, p) => new { p.Code, p.Name })
            .Distinct().OrderBy(p => p.Code).Take(Listed)
            .Select(p => new DigestProject(p.Code, p.Name)).ToListAsync(cancellationToken);
        var rule = await StalledRule.LoadAsync(db, stalled.Value, cancellationToken);
        var stalledCount = await db.Projects.AsNoTracking().Where(rule.Predicate(nowUtc)).CountAsync(cancellationToken);
        return new WeeklyDigest(from, from.AddDays(6), newLeads, moves, signings, leadList, stalledCount);
    }

    /// <summary>The digest's HTML in <paramref name="culture"/>'s language (the manager's).</summary>
    public static string Html(WeeklyDigest d, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(d);
        var heading = M.DigestHeading.Render(culture, new Dictionary<string, object?>
        {
            ["from"] = d.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = d.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h2>{WebUtility.HtmlEncode(heading)}</h2>");
        html.Append("<table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\">");
        Row(html, M.DigestNewLeads.Render(culture), d.NewLeads);
        Row(html, M.DigestStageMoves.Render(culture), d.StageMoves);
        Row(html, M.DigestSignings.Render(culture), d.Signings.Count);
        Row(html, M.DigestStalled.Render(culture), d.Stalled);
        html.Append("</table>");
        List(html, M.DigestSigned.Render(culture), d.Signings);
        List(html, M.DigestNewLeads.Render(culture), d.NewLeadList);
        return html.ToString();
    }

    private static void Row(StringBuilder html, string label, int value) =>
        html.Append(CultureInfo.InvariantCulture, $"<tr><th align=\"left\">{WebUtility.HtmlEncode(label)}</th><td>{value}</td></tr>");

    private static void List(StringBuilder html, string heading, IReadOnlyList<DigestProject> projects)
    {
        if (projects.Count == 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<h3>{WebUtility.HtmlEncode(heading)}</h3><ul>");
        foreach (var p in projects)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{WebUtility.HtmlEncode(p.Code)} {WebUtility.HtmlEncode(p.Name)}</li>");
        }

        html.Append("</ul>");
    }
}
