using KunshanInvest.Application.Common.Messages;
using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Rates;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reports.Rates;

[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record UpdateExchangeRate(Guid Id, int Version, decimal CnyPerUnit) : ICommand<ExchangeRateDto>;

public sealed class UpdateExchangeRateValidator : AbstractValidator<UpdateExchangeRate>
{
    public UpdateExchangeRateValidator()
    {
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        RuleFor(x => x.CnyPerUnit).Must(RateRules.IsRate).WithMsg(M.RateValue);
    }
}

public sealed class UpdateExchangeRateHandler(IAppDbContext db) : ICommandHandler<UpdateExchangeRate, ExchangeRateDto>
{
    public async ValueTask<ExchangeRateDto> Handle(UpdateExchangeRate command, CancellationToken cancellationToken)
    {
        var rate = await db.ExchangeRates.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(ExchangeRate), command.Id);
        db.ExpectVersion(rate, command.Version);
        rate.Revise(RateRules.ToMicros(command.CnyPerUnit));
        await db.SaveChangesAsync(cancellationToken);
        return ExchangeRateDto.From(rate);
    }
}
