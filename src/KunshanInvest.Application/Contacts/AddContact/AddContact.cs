using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using Mediator;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Contacts.AddContact;

/// <summary>Staff record a person at an enterprise.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record AddContact(Guid EnterpriseId, string Name, string? Title = null, string? Phone = null, string? Email = null, string? WeChat = null)
    : ICommand<ContactDto>, IContactFields;

public sealed class AddContactValidator : AbstractValidator<AddContact>
{
    public AddContactValidator() => this.AddContactFieldRules();
}

public sealed class AddContactHandler(IAppDbContext db) : ICommandHandler<AddContact, ContactDto>
{
    public async ValueTask<ContactDto> Handle(AddContact command, CancellationToken cancellationToken)
    {
        var enterprise = await db.Enterprises.AsNoTracking()
            .Where(e => e.Id == command.EnterpriseId)
            .Select(e => new { e.MergedIntoId })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(nameof(Enterprise), command.EnterpriseId);
        if (enterprise.MergedIntoId is not null)
        {
            throw M.EnterpriseMerged.Rule();
        }

        var contact = new Contact(command.EnterpriseId, command.Name.Trim());
        command.ApplyTo(contact);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(cancellationToken);
        return ContactDto.From(contact);
    }
}
