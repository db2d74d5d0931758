namespace KunshanInvest.Application.Common.Email;

/// <summary>One e-mail to one person. <see cref="Id"/> becomes the Message-Id, so a resend after a crash is recognisable.</summary>
public sealed record EmailMessage(Guid Id, string ToAddress, string ToName, string Subject, string HtmlBody, string TextBody);

/// <summary>Sends e-mail: over SMTP where <c>Mail:Host</c> is configured, otherwise as .eml files in the pickup folder (Infrastructure).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
