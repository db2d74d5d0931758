using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Paging;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Enterprises;
using Mediator;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Enterprises.ListEnterprises;

/// <summary>
/// Live (not merged) enterprises by name, keyset-paged. <paramref name="Q"/> matches either name as typed, either name
/// case-, legal-form- and region-insensitively (the stored keys), an alias (brand, abbreviation, former or English name), or
/// the start of the credit code. Two SQL statements: the page
/// (project counts as a subquery) and the total.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record ListEnterprises(string? Q = null, string? Country = null, Ownership? Ownership = null, string? Cursor = null, int PageSize = ListEnterprises.DefaultPageSize)
    : IQuery<Page<EnterpriseListItem>>
{
    public const int DefaultPageSize = 50;

    /// <summary>The only order; named in the cursor so a cursor from another list is refused.</summary>
    internal const string SortByName = "name";
}

public sealed record EnterpriseListItem(
    Guid Id, string? NameZh, string? NameEn, string? CreditCode, string Country, Ownership Ownership, bool Fortune500, bool Listed, int ProjectCount);

public sealed class ListEnterprisesValidator : AbstractValidator<ListEnterprises>
{
    public ListEnterprisesValidator()
    {
        RuleFor(x => x.Q).MaximumLength(Enterprise.NameMaxLength);
        RuleFor(x => x.Country).Matches("^[A-Za-z]{2}$").When(x => !string.IsNullOrEmpty(x.Country))
            .WithMsg(M.EnterpriseCountry);
        RuleFor(x => x.Ownership).IsInEnum();
        RuleFor(x => x.PageSize).InclusiveBetween(1, Cursor.MaxPageSize);
        RuleFor(x => x.Cursor).Must(c => string.IsNullOrEmpty(c) || ListEnterprisesHandler.After(c) is not null)
            .WithMsg(M.BadCursor);
    }
}

public sealed class ListEnterprisesHandler(IAppDbContext db) : IQueryHandler<ListEnterprises, Page<EnterpriseListItem>>
{
    public async ValueTask<Page<EnterpriseListItem>> Handle(ListEnterprises query, CancellationToken cancellationToken)
    {
        var enterprises = db.Enterprises.AsNoTracking().Where(e => e.MergedIntoId == null);

        if (!string.IsNullOrEmpty(query.Country))
        {
            var country = query.Country.ToUpperInvariant();
            enterprises = enterprises.Where(e => e.Country == country);
        }

        if (query.Ownership is { } ownership)
        {
            enterprises = enterprises.Where(e => e.Ownership == ownership);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            enterprises = Search(db, enterprises, query.Q.Trim());
        }

        var total = await enterprises.CountAsync(cancellationToken);

        var ordered = enterprises;
        if (After(query.Cursor) is { } after)
        {
            // SQL compares both the sort key and the id, so the order is the database's own (its collation, its uuid
            // order) and a page boundary between equal names neither repeats nor skips a row.
            var (name, id) = after;
            ordered = ordered.Where(e => string.Compare(e.NameZh ?? e.NameEn, name) > 0 || ((e.NameZh ?? e.NameEn) == name && e.Id.CompareTo(id) > 0));
        }

        var rows = await ordered
            .OrderBy(e => e.NameZh ?? e.NameEn).ThenBy(e => e.Id)
            .Take(query.PageSize + 1)
            .Select(e => new EnterpriseListItem(
                e.Id, e.NameZh, e.NameEn, e.CreditCode, e.Country, e.Ownership, e.IsFortune500, e.IsListed,
                db.Projects.Count(p => p.EnterpriseId == e.Id)))
            .ToListAsync(cancellationToken);

        string? next = null;
        if (rows.Count > query.PageSize)
        {
            rows.RemoveAt(rows.Count - 1);
            var last = rows[^1];
            next = new Cursor(ListEnterprises.SortByName, last.NameZh ?? last.NameEn, last.Id.ToString()).Encode();
        }

        return new Page<EnterpriseListItem>(rows, next, total);
    }

    internal static (string Name, Guid Id)? After(string? cursor) =>
        Cursor.Decode(cursor) is { Sort: ListEnterprises.SortByName, Key: { } name } decoded && Guid.TryParse(decoded.Code, out var id)
            ? (name, id)
            : null;

    private static IQueryable<Enterprise> Search(IAppDbContext db, IQueryable<Enterprise> enterprises, string text)
    {
        var key = EnterpriseName.Key(text);
        var codePrefix = CreditCode.Normalize(text);

        // Raw Contains finds what was typed as stored (a fragment with its 有限公司 or its punctuation); the keys make
        // the match case-, width- and legal-form-insensitive; a key is empty when the text is only punctuation.
        return key.Length == 0
            ? enterprises.Where(e => e.NameZh!.Contains(text) || e.NameEn!.Contains(text) || e.CreditCode!.StartsWith(codePrefix))
            : enterprises.Where(e => e.NameZh!.Contains(text) || e.NameEn!.Contains(text)
                || e.NameZhKey!.Contains(key) || e.NameEnKey!.Contains(key)
                || db.EnterpriseAliases.Any(a => a.EnterpriseId == e.Id && a.Key.Contains(key))
                || e.CreditCode!.StartsWith(codePrefix));
    }
}
