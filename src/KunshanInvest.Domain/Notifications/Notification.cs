using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Notifications;

/// <summary>An in-app notice to one user (and an e-mail where mail is configured).</summary>
public sealed class Notification : Entity
{
    public const int KindMaxLength = 60;
    public const int TitleMaxLength = 300;
    public const int BodyMaxLength = 4000;
    public const int LinkMaxLength = 300;

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

    public void MarkRead(DateTime atUtc) => ReadAtUtc ??= atUtc;
}
