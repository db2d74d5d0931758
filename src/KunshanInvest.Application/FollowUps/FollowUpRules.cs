using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.FollowUps;
using KunshanInvest.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.FollowUps;

/// <summary>Who may direct follow-up work at whom (bureau staff collaborate, but a task has one responsible person).</summary>
internal static class FollowUpAccess
{
    /// <summary>Anyone may take work on themselves or give it to the project's owner; the owner and managers may give it to anyone.</summary>
    public static bool MayAssign(ICurrentUser user, Guid assigneeId, InvestmentProject project) =>
        assigneeId == user.Id || assigneeId == project.OwnerId || project.OwnerId == user.Id || user.IsManagerOrAdmin();

    public static bool MayReassign(ICurrentUser user, FollowUp followUp, InvestmentProject project) =>
        followUp.AssigneeId == user.Id || project.OwnerId == user.Id || user.IsManagerOrAdmin();

    /// <summary>Editing, rescheduling and cancelling: whoever may redirect the work may also reshape it.</summary>
    public static bool MayChange(ICurrentUser user, FollowUp followUp, InvestmentProject project) => MayReassign(user, followUp, project);

    public static bool MayComplete(ICurrentUser user, FollowUp followUp) =>
        followUp.AssigneeId == user.Id || user.IsManagerOrAdmin();
}

internal static class NextFollowUp
{
    /// <summary>
    /// Keeps <see cref="InvestmentProject.NextFollowUpOn"/> at the earliest open follow-up's due date. The one being
    /// changed counts as it stands in this unit of work (not saved yet), the others as stored: one MIN query, and the
    /// caller's single save writes both.
    /// </summary>
    public static async Task RefreshAsync(IAppDbContext db, InvestmentProject project, FollowUp changed, CancellationToken cancellationToken)
    {
        var others = await db.FollowUps
            .Where(f => f.ProjectId == project.Id && f.Status == FollowUpStatus.Open && f.Id != changed.Id)
            .MinAsync(f => (DateOnly?)f.DueOn, cancellationToken);
        DateOnly? mine = changed.Status == FollowUpStatus.Open ? changed.DueOn : null;
        project.ScheduleFollowUp(others is null || (mine is not null && mine < others) ? mine : others);
    }
}

internal static class FollowUpNotices
{
    public const string Assigned = "followUp.assigned";

    /// <summary>Tells <paramref name="assigneeId"/> that someone else gave them a follow-up; nobody is told of their own doing.</summary>
    public static void TellAssignee(this Notifier notifier, ICurrentUser user, Guid assigneeId, FollowUp followUp, InvestmentProject project)
    {
        if (assigneeId == user.Id)
        {
            return;
        }

        notifier.Notify(
            assigneeId,
            Assigned,
            M.NewFollowUp.With(("title", followUp.Title)),
            M.NewFollowUpBody.With(("code", project.Code), ("name", project.Name), ("due", followUp.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))),
            $"/projects/{project.Id}");
    }
}

/// <summary>Rules for what people type into follow-ups.</summary>
internal static class FollowUpInput
{
    /// <summary>A follow-up cannot be due before today in Kunshan (overdue work comes from the calendar moving on, not from entry).</summary>
    public static IRuleBuilderOptions<T, DateOnly?> NotBeforeBureauToday<T>(this IRuleBuilder<T, DateOnly?> rule, TimeProvider clock) =>
        rule.Must(due => due is null || due >= clock.BureauToday())
            .WithMsg(M.DueBeforeToday);

    /// <summary>A title from free text (next steps may be longer than a title may be).</summary>
    public static string TitleFrom(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= FollowUp.TitleMaxLength ? trimmed : trimmed[..(FollowUp.TitleMaxLength - 1)] + "…";
    }
}

internal static class FollowUpVersions
{
    /// <summary>
    /// The follow-up and its project for an edit, reschedule or cancel: 404 when missing, 403 for someone who may not
    /// change it (<see cref="FollowUpAccess.MayChange"/>), 409 when the version read is stale.
    /// </summary>
    public static async Task<(FollowUp FollowUp, InvestmentProject Project)> LoadForChangeAsync(
        IAppDbContext db, ICurrentUser user, Guid id, int expectedVersion, CancellationToken cancellationToken)
    {
        var followUp = await db.FollowUps.SingleOrDefaultAsync(f => f.Id == id, cancellationToken)
            ?? throw new Common.Exceptions.NotFoundException("Follow-up", id);
        var project = await db.Projects.SingleAsync(p => p.Id == followUp.ProjectId, cancellationToken);
        if (!FollowUpAccess.MayChange(user, followUp, project))
        {
            throw new Common.Exceptions.ForbiddenAccessException(M.OnlyAssigneeChanges);
        }

        Expect(db, followUp, expectedVersion);
        return (followUp, project);
    }

    /// <summary>
    /// A stale If-Match fails here with a clear 409 before any rule is checked against stale data; the declared
    /// version also guards the UPDATE against a save that lands in between.
    /// </summary>
    public static void Expect(IAppDbContext db, FollowUp followUp, int expectedVersion)
    {
        if (followUp.Version != expectedVersion)
        {
            throw new Common.Exceptions.ConflictException(M.ChangedSinceVersion.With(("what", M.Things.FollowUp), ("current", followUp.Version), ("version", expectedVersion)));
        }

        db.ExpectVersion(followUp, expectedVersion);
    }
}
