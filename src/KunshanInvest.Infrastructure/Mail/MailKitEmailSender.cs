using KunshanInvest.Application.Common.Email;
using KunshanInvest.Application.Jobs.DispatchEmails;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KunshanInvest.Infrastructure.Mail;

/// <summary>
/// E-mail through MailKit: to the SMTP server of <c>Mail:Host</c>, or, with none configured (the default), as an .eml
/// file in the pickup folder (<c>{DataDirectory}/mail</c>), which any mail program opens.
/// </summary>
public sealed class MailKitEmailSender(IOptions<MailOptions> options, MailPickupFolder pickup) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var mail = options.Value;
        var mime = new MimeMessage { Subject = message.Subject, MessageId = $"{message.Id:N}@kunshaninvest" };
        mime.From.Add(new MailboxAddress(mail.FromName, mail.From));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        mime.Body = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody }.ToMessageBody();

        if (string.IsNullOrWhiteSpace(mail.Host))
        {
            // Named by the outbox row: a resend after a crash overwrites the same file instead of adding one.
            var path = Path.Combine(pickup.Path, $"{message.Id:N}.eml");
            await mime.WriteToAsync(path, cancellationToken);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(mail.Host, mail.Port, mail.UseSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
        if (!string.IsNullOrEmpty(mail.UserName))
        {
            await client.AuthenticateAsync(mail.UserName, mail.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>The .eml folder: <c>Mail:PickupDirectory</c>, or the data folder's <c>mail</c>.</summary>
public sealed class MailPickupFolder
{
    public MailPickupFolder(string path)
    {
        Path = path;
        Directory.CreateDirectory(path);
    }

    public string Path { get; }
}
