using System.Linq.Expressions;
using System.Net.Mail;
using FluentValidation;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Contacts;

public sealed record ContactDto(Guid Id, Guid EnterpriseId, string Name, string? Title, string? Phone, string? Email, string? WeChat, int Version)
{
    internal static readonly Expression<Func<Contact, ContactDto>> Projection =
        c => new ContactDto(c.Id, c.EnterpriseId, c.Name, c.Title, c.Phone, c.Email, c.WeChat, c.Version);

    internal static ContactDto From(Contact c) => new(c.Id, c.EnterpriseId, c.Name, c.Title, c.Phone, c.Email, c.WeChat, c.Version);
}

/// <summary>What staff type for a contact; shared by <c>AddContact</c> and <c>UpdateContact</c>.</summary>
public interface IContactFields
{
    string Name { get; }
    string? Title { get; }
    string? Phone { get; }
    string? Email { get; }
    string? WeChat { get; }
}

internal static class ContactFields
{
    public static void AddContactFieldRules<T>(this AbstractValidator<T> validator)
        where T : IContactFields
    {
        validator.RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n))
            .WithMsg(M.ContactName)
            .MaximumLength(Contact.NameMaxLength);
        validator.RuleFor(x => x.Title).MaximumLength(Contact.TitleMaxLength);
        validator.RuleFor(x => x.Phone).MaximumLength(Contact.PhoneMaxLength)
            .Must(IsPhone).When(x => !string.IsNullOrWhiteSpace(x.Phone))
            .WithMsg(M.ContactPhone);
        validator.RuleFor(x => x.Email).MaximumLength(Contact.EmailMaxLength)
            .Must(IsEmail).When(x => !string.IsNullOrWhiteSpace(x.Email))
            .WithMsg(M.EmailInvalid);
        validator.RuleFor(x => x.WeChat).MaximumLength(Contact.WeChatMaxLength);
    }

    public static void ApplyTo(this IContactFields fields, Contact contact)
    {
        contact.Rename(fields.Name.Trim());
        contact.Reach(Blank(fields.Title), Blank(fields.Phone), Blank(fields.Email), Blank(fields.WeChat));
    }

    private static bool IsPhone(string? phone) =>
        phone is not null && phone.Any(char.IsAsciiDigit) && phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or '(' or ')' or '#' or ' ');

    // MailAddress also accepts display-name forms ("Zhang <z@x.cn>"); only a bare address is stored.
    private static bool IsEmail(string? email) =>
        MailAddress.TryCreate(email?.Trim(), out var address) && address.Address == email!.Trim();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
