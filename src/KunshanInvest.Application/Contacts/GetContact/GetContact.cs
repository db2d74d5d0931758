using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Enterprises;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Contacts.GetContact;

/// <summary>One contact with its version, the target of the Location a new contact is created at.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetContact(Guid Id) : IQuery<ContactDto>;

public sealed class GetContactHandler(IAppDbContext db) : IQueryHandler<GetContact, ContactDto>
{
    public async ValueTask<ContactDto> Handle(GetContact query, CancellationToken cancellationToken) =>
        await db.Contacts.AsNoTracking().Where(c => c.Id == query.Id).Select(ContactDto.Projection).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(nameof(Contact), query.Id);
}
