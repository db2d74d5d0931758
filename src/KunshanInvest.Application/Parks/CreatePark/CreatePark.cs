using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Parks.ListParks;
using KunshanInvest.Domain.Parks;
using Mediator;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Parks.CreatePark;

/// <summary>An Admin adds a park or carrier (载体) projects can land in.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record CreatePark(string Code, string NameZh, string NameEn, string? Description) : ICommand<ParkDto>;

public sealed class CreateParkValidator : AbstractValidator<CreatePark>
{
    public CreateParkValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(Park.CodeMaxLength)
            .Matches("^[a-z0-9]+(-[a-z0-9]+)*$").WithMsg(M.CodeFormat);
        this.AddParkFieldRules(x => x.NameZh, x => x.NameEn, x => x.Description);
    }
}

public sealed class CreateParkHandler(IAppDbContext db) : ICommandHandler<CreatePark, ParkDto>
{
    public async ValueTask<ParkDto> Handle(CreatePark command, CancellationToken cancellationToken)
    {
        if (await db.Parks.AnyAsync(p => p.Code == command.Code, cancellationToken))
        {
            throw new ConflictException(M.CodeTaken.With(("code", command.Code)));
        }

        var park = new Park(command.Code, command.NameZh.Trim(), command.NameEn.Trim(), ParkFields.Blank(command.Description));
        db.Parks.Add(park);
        await db.SaveChangesAsync(cancellationToken);
        return ParkFields.From(park);
    }
}
