using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Enterprises.Aliases;

/// <summary>
/// Staff give an enterprise another name it goes by (友达光电 = AUO). The alias's key may not already name this or another
/// live enterprise — by its own names or an alias — since matching would then find two companies (409 naming the other).
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record AddEnterpriseAlias(Guid EnterpriseId, string Text, AliasKind Kind) : ICommand<EnterpriseAliasDto>;

public sealed class AddEnterpriseAliasValidator : AbstractValidator<AddEnterpriseAlias>
{
    public AddEnterpriseAliasValidator()
    {
        // The length is checked before any normalising: the key is only computed for text within bounds.
        RuleFor(x => x.Text).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMsg(M.AliasText)
            .MaximumLength(EnterpriseAlias.TextMaxLength).WithMsg(M.AliasText)
            .Must(t => EnterpriseName.Key(t).Length > 0).WithMsg(M.AliasText);
        RuleFor(x => x.Kind).IsInEnum().WithMsg(M.AliasKind);
    }
}

public sealed class AddEnterpriseAliasHandler(IAppDbContext db) : ICommandHandler<AddEnterpriseAlias, EnterpriseAliasDto>
{
    public async ValueTask<EnterpriseAliasDto> Handle(AddEnterpriseAlias command, CancellationToken cancellationToken)
    {
        var enterprise = await db.Enterprises.AsNoTracking()
            .Where(e => e.Id == command.EnterpriseId)
            .Select(e => new { e.Id, e.MergedIntoId })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(nameof(Enterprise), command.EnterpriseId);
        if (enterprise.MergedIntoId is not null)
        {
            throw M.EnterpriseMerged.Rule();
        }

        var alias = new EnterpriseAlias(enterprise.Id, command.Text, command.Kind);
        var key = alias.Key;
        if (await db.EnterpriseAliases.AnyAsync(a => a.EnterpriseId == enterprise.Id && a.Key == key, cancellationToken))
        {
            throw new DomainConflictException(M.AliasExists.Code, "The enterprise already has this alias.");
        }

        var other = await db.Enterprises.AsNoTracking()
            .Where(e => e.Id != enterprise.Id && e.MergedIntoId == null
                && (e.NameZhKey == key || e.NameEnKey == key || db.EnterpriseAliases.Any(a => a.EnterpriseId == e.Id && a.Key == key)))
            .OrderBy(e => e.NameZh).ThenBy(e => e.Id)
            .Select(e => e.NameZh ?? e.NameEn)
            .FirstOrDefaultAsync(cancellationToken);
        if (other is not null)
        {
            throw new DomainConflictException(M.AliasTaken.Code, $"'{command.Text}' already names {other}.") { Args = new Dictionary<string, object?> { ["name"] = other } };
        }

        db.EnterpriseAliases.Add(alias);
        await db.SaveChangesAsync(cancellationToken);
        return new EnterpriseAliasDto(alias.Id, alias.EnterpriseId, alias.Text, alias.Kind, alias.Key);
    }
}
