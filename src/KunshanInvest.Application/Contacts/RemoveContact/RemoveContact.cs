using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Enterprises;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Contacts.RemoveContact;

/// <summary>Staff delete a contact (the audit trail keeps what it held). <paramref name="Version"/>, when given, must be current.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record RemoveContact(Guid Id, int? Version = null) : ICommand;

public sealed class RemoveContactValidator : AbstractValidator<RemoveContact>
{
    public RemoveContactValidator() => RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
}

public sealed class RemoveContactHandler(IAppDbContext db) : ICommandHandler<RemoveContact>
{
    public async ValueTask<Unit> Handle(RemoveContact command, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(Contact), command.Id);
        if (command.Version is { } version)
        {
            db.ExpectVersion(contact, version);
        }

        db.Contacts.Remove(contact);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
