using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Parks.ListParks;
using KunshanInvest.Domain.Parks;
using Mediator;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Parks.UpdatePark;

/// <summary>An Admin renames a park and edits its description, at the <paramref name="Version"/> last read (If-Match).</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record UpdatePark(Guid Id, int Version, string NameZh, string NameEn, string? Description) : ICommand<ParkDto>;

public sealed class UpdateParkValidator : AbstractValidator<UpdatePark>
{
    public UpdateParkValidator()
    {
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        this.AddParkFieldRules(x => x.NameZh, x => x.NameEn, x => x.Description);
    }
}

public sealed class UpdateParkHandler(IAppDbContext db) : ICommandHandler<UpdatePark, ParkDto>
{
    public async ValueTask<ParkDto> Handle(UpdatePark command, CancellationToken cancellationToken)
    {
        var park = await db.Parks.SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(Park), command.Id);
        if (park.Version != command.Version)
        {
            throw new ConflictException(M.ChangedSinceVersion.With(("what", M.Things.Park), ("current", park.Version), ("version", command.Version)));
        }

        db.ExpectVersion(park, command.Version);
        park.Rename(command.NameZh.Trim(), command.NameEn.Trim());
        park.Describe(ParkFields.Blank(command.Description));
        await db.SaveChangesAsync(cancellationToken);
        return ParkFields.From(park);
    }
}
