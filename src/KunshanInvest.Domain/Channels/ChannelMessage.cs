using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Channels;

/// <summary>
/// A robot message waiting to be sent (the channels' outbox, ADR 0038). Stored as catalogue codes and arguments and
/// worded in the channel's language when sent; a personal notice's message points at the notice instead.
/// (<see cref="ChannelId"/>, <see cref="Kind"/>, <see cref="SubjectId"/>, <see cref="Period"/>) is unique: the sweep that
/// writes messages never writes the same one twice, even with two servers sweeping at once.
/// A failed send is retried after 1, 2, 4, 8 … minutes (<see cref="BackoffAfter"/>) up to <see cref="MaxAttempts"/>.
/// </summary>
public sealed class ChannelMessage : Entity
{
    public const int KindMaxLength = 40;
    public const int PeriodMaxLength = 60;
    public const int CodeMaxLength = 100;
    public const int TitleMaxLength = 300;
    public const int BodyMaxLength = 2000;
    public const int LinkMaxLength = 300;
    public const int MentionMaxLength = 64;
    public const int ErrorMaxLength = 1000;
    public const int MaxAttempts = 6;

    public const string KindNotice = "notice";
    public const string KindLead = "sector.lead";
    public const string KindSigned = "sector.signed";
    public const string KindEscalated = "sector.stalled";

    private ChannelMessage() { }

    public ChannelMessage(Guid channelId, string kind, Guid subjectId, string period, DateTime createdAtUtc)
    {
        ChannelId = channelId;
        Kind = kind;
        SubjectId = subjectId;
        Period = period;
        CreatedAtUtc = createdAtUtc;
        NextAttemptAtUtc = createdAtUtc;
    }

    public Guid ChannelId { get; private set; }
    public string Kind { get; private set; } = "";
    public Guid SubjectId { get; private set; }
    public string Period { get; private set; } = "";

    /// <summary>The in-app notice this message repeats (personal notices), worded from the notice when sent.</summary>
    public Guid? NotificationId { get; private set; }

    public string? TitleCode { get; private set; }
    public string? BodyCode { get; private set; }
    public string? ArgsJson { get; private set; }

    /// <summary>The Chinese wording, for anything that reads the table directly.</summary>
    public string Title { get; private set; } = "";
    public string? Link { get; private set; }

    /// <summary>Whom to @-mention: a mobile number and/or the robot platform's user id.</summary>
    public string? MentionMobile { get; private set; }

    /// <inheritdoc cref="MentionMobile"/>
    public string? MentionUserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime NextAttemptAtUtc { get; private set; }
    public DateTime? AttemptedAtUtc { get; private set; }
    public DateTime? SentAtUtc { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    public ChannelMessage Coded(string title, string titleCode, string? bodyCode, string? argsJson, string? link)
    {
        Title = title.Length <= TitleMaxLength ? title : title[..TitleMaxLength];
        TitleCode = titleCode;
        BodyCode = bodyCode;
        ArgsJson = argsJson;
        Link = link;
        return this;
    }

    public ChannelMessage OfNotice(Guid notificationId, string title, string? mobile, string? userId)
    {
        NotificationId = notificationId;
        Title = title.Length <= TitleMaxLength ? title : title[..TitleMaxLength];
        MentionMobile = mobile;
        MentionUserId = userId;
        return this;
    }

    /// <summary>How long after a failed attempt (the <paramref name="attempts"/>th) the next one waits: 1, 2, 4, 8, 16 minutes.</summary>
    public static TimeSpan BackoffAfter(int attempts) => TimeSpan.FromMinutes(Math.Pow(2, Math.Clamp(attempts - 1, 0, 10)));
}
