using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Enterprises;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Contacts.UpdateContact;

/// <summary>Staff edit a contact they last read at <paramref name="Version"/> (If-Match); a stale version is a 409.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record UpdateContact(Guid Id, int Version, string Name, string? Title = null, string? Phone = null, string? Email = null, string? WeChat = null)
    : ICommand<ContactDto>, IContactFields;

public sealed class UpdateContactValidator : AbstractValidator<UpdateContact>
{
    public UpdateContactValidator()
    {
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        this.AddContactFieldRules();
    }
}

public sealed class UpdateContactHandler(IAppDbContext db) : ICommandHandler<UpdateContact, ContactDto>
{
    public async ValueTask<ContactDto> Handle(UpdateContact command, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(Contact), command.Id);
        db.ExpectVersion(contact, command.Version);
        command.ApplyTo(contact);
        await db.SaveChangesAsync(cancellationToken);
        return ContactDto.From(contact);
    }
}
