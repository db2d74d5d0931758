using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Enterprises.Duplicates;
using KunshanInvest.Domain.Enterprises;
using Mediator;

namespace KunshanInvest.Application.Enterprises.CheckEnterpriseDuplicates;

/// <summary>The duplicate warning while an officer types: existing enterprises with the same code or name.</summary>
/// <param name="ExceptId">The enterprise being edited, which is not its own duplicate.</param>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record CheckEnterpriseDuplicates(string? NameZh, string? NameEn, string? CreditCode, Guid? ExceptId = null) : IQuery<IReadOnlyList<DuplicateCandidate>>;

public sealed class CheckEnterpriseDuplicatesValidator : AbstractValidator<CheckEnterpriseDuplicates>
{
    public CheckEnterpriseDuplicatesValidator()
    {
        RuleFor(x => x.NameZh).MaximumLength(Enterprise.NameMaxLength);
        RuleFor(x => x.NameEn).MaximumLength(Enterprise.NameMaxLength);
        RuleFor(x => x.CreditCode).MaximumLength(CreditCode.Length * 2);
    }
}

public sealed class CheckEnterpriseDuplicatesHandler(IAppDbContext db) : IQueryHandler<CheckEnterpriseDuplicates, IReadOnlyList<DuplicateCandidate>>
{
    public async ValueTask<IReadOnlyList<DuplicateCandidate>> Handle(CheckEnterpriseDuplicates query, CancellationToken cancellationToken) =>
        await EnterpriseDuplicates.FindAsync(db, query.NameZh, query.NameEn, query.CreditCode, query.ExceptId, cancellationToken);
}
