using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Notifications;

/// <summary>An in-app notice to one user (and an e-mail where mail is configured).</summary>
public sealed class Notification : Entity
{
    public const int KindMaxLength = 60;
    public const int TitleMaxLength = 300;
    public const int BodyMaxLength = 4000;
    public const int LinkMaxLength = 300;
    public const int PeriodMaxLength = 20;
    public const int CodeMaxLength = 100;
    public const int ArgsMaxLength = 4000;

    private Notification() { }

    public Notification(Guid userId, string kind, string title, string? body, string? link, DateTime createdAtUtc)
    {
        UserId = userId;
        Kind = kind;
        Title = title;
        Body = body;
        Link = link;
        CreatedAtUtc = createdAtUtc;
    }

    public Guid UserId { get; private set; }
    public string Kind { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string? Body { get; private set; }
    public string? Link { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? ReadAtUtc { get; private set; }

    /// <summary>
    /// For notices a job sends: what it is about (a follow-up, a project, a submission) and the period it covers
    /// (a Kunshan day <c>2026-06-30</c> or an ISO week <c>2026-W27</c>). (Kind, Period, SubjectId, UserId) is unique,
    /// so the database itself refuses a second reminder of the same thing for the same period.
    /// </summary>
    public Guid? SubjectId { get; private set; }

    /// <inheritdoc cref="SubjectId"/>
    public string? Period { get; private set; }

    /// <summary>A notice recording a job's effect on <paramref name="subjectId"/> for <paramref name="period"/>.</summary>
    public static Notification ForEffect(Guid userId, string kind, Guid subjectId, string period, string title, string? body, string? link, DateTime createdAtUtc) =>
        new(userId, kind, title, body, link, createdAtUtc) { SubjectId = subjectId, Period = period };

    /// <summary>
    /// The catalogue codes of the title and body and their arguments (JSON), worded in the reader's language when
    /// read. <see cref="Title"/> and <see cref="Body"/> then hold the Chinese wording, for notices from before the
    /// catalogue and for anything that reads the table directly.
    /// </summary>
    public string? TitleCode { get; private set; }

    /// <inheritdoc cref="TitleCode"/>
    public string? BodyCode { get; private set; }

    /// <inheritdoc cref="TitleCode"/>
    public string? ArgsJson { get; private set; }

    public Notification Coded(string titleCode, string? bodyCode, string? argsJson)
    {
        TitleCode = titleCode;
        BodyCode = bodyCode;
        ArgsJson = argsJson;
        return this;
    }

    public void MarkRead(DateTime atUtc) => ReadAtUtc ??= atUtc;
}
