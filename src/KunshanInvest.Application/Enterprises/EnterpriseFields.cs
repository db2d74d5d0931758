using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Enterprises.Duplicates;
using KunshanInvest.Domain.Enterprises;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Enterprises;

/// <summary>What staff type when they enter or edit an enterprise; shared by <c>CreateEnterprise</c> and <c>UpdateEnterprise</c>.</summary>
public interface IEnterpriseFields
{
    string? NameZh { get; }
    string? NameEn { get; }
    string? CreditCode { get; }

    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    string Country { get; }
    Ownership Ownership { get; }
    bool Fortune500 { get; }
    bool Listed { get; }
    string? Website { get; }
    string? Note { get; }

    /// <summary>The officer has seen the same-name candidates and says this is another company.</summary>
    bool ConfirmNotDuplicate { get; }

    /// <summary>统计类型 for the 上规 threshold; null keeps the current one (工业 for a new enterprise).</summary>
    StatisticsType? StatisticsType { get; }
}

internal static class EnterpriseFields
{
    public static void AddEnterpriseFieldRules<T>(this AbstractValidator<T> validator)
        where T : IEnterpriseFields
    {
        var needsAName = M.NeedsAName;
        var tooLong = M.NameTooLong;
        validator.RuleFor(x => x.NameZh).MaximumLength(Enterprise.NameMaxLength).Must(FitsAsKey).WithMsg(tooLong)
            .Must((x, _) => HasAName(x)).WithMsg(needsAName);
        validator.RuleFor(x => x.NameEn).MaximumLength(Enterprise.NameMaxLength).Must(FitsAsKey).WithMsg(tooLong)
            .Must((x, _) => HasAName(x)).WithMsg(needsAName);
        validator.RuleFor(x => x.CreditCode).Custom((code, context) =>
        {
            if (CreditCodeProblem(code) is { } message)
            {
                context.AddFailure(FieldError.Failure(context.PropertyPath, message));
            }
        });
        validator.RuleFor(x => x.Country).Cascade(CascadeMode.Stop).NotEmpty().Matches("^[A-Z]{2}$")
            .WithMsg(M.EnterpriseCountry);
        validator.RuleFor(x => x.Ownership).IsInEnum();
        validator.RuleFor(x => x.StatisticsType).IsInEnum();
        validator.RuleFor(x => x.Website).MaximumLength(Enterprise.WebsiteMaxLength)
            .Must(IsWebAddress).When(x => !string.IsNullOrWhiteSpace(x.Website))
            .WithMsg(M.Website);
        validator.RuleFor(x => x.Note).MaximumLength(Enterprise.NoteMaxLength);
    }

    /// <summary>
    /// Says what is wrong with a typed credit code in words an officer can act on, or null when it is absent or valid.
    /// The check runs on the normalised code, as the domain stores it (full-width and lower case are fine).
    /// </summary>
    public static Said? CreditCodeProblem(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var normalized = Domain.Enterprises.CreditCode.Normalize(code);
        return Domain.Enterprises.CreditCode.Check(normalized) switch
        {
            Domain.Enterprises.CreditCode.Problem.None => null,
            Domain.Enterprises.CreditCode.Problem.WrongLength =>
                M.CreditCodeLength.With(("length", normalized.Length)),
            Domain.Enterprises.CreditCode.Problem.IllegalCharacter =>
                M.CreditCodeCharacter,
            _ => M.CreditCodeCheck,
        };
    }

    public static void ApplyTo(this IEnterpriseFields fields, Enterprise enterprise)
    {
        enterprise.Rename(fields.NameZh, fields.NameEn);
        enterprise.SetCreditCode(fields.CreditCode);
        enterprise.SetOrigin(fields.Country, fields.Ownership);
        enterprise.Describe(fields.Fortune500, fields.Listed, Blank(fields.Website), Blank(fields.Note));
        if (fields.StatisticsType is { } type)
        {
            enterprise.Classify(type);
        }
    }

    /// <summary>
    /// Duplicate check on entry. A same-name candidate can be overridden by <see cref="IEnterpriseFields.ConfirmNotDuplicate"/>;
    /// a same-credit-code one cannot, since the code identifies the legal entity (and is a unique index).
    /// </summary>
    public static async Task EnsureNotDuplicateAsync(this IEnterpriseFields fields, IAppDbContext db, Guid? exceptId, CancellationToken cancellationToken)
    {
        var candidates = await EnterpriseDuplicates.FindAsync(db, fields.NameZh, fields.NameEn, fields.CreditCode, exceptId, cancellationToken);
        if (candidates.Count == 0)
        {
            return;
        }

        if (!fields.ConfirmNotDuplicate || candidates.Any(c => c.Reason == EnterpriseDuplicates.SameCreditCode))
        {
            throw new DuplicateEnterpriseException(candidates);
        }
    }

    /// <summary>
    /// Saves; when the credit-code unique index fires (another officer saved the same code since the check), answers
    /// with the duplicate rather than a 500.
    /// </summary>
    public static async Task SaveAsync(IAppDbContext db, Enterprise enterprise, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException && enterprise.CreditCode is not null)
        {
            var code = enterprise.CreditCode;
            var holder = await db.Enterprises.AsNoTracking()
                .Where(e => e.CreditCode == code && e.Id != enterprise.Id)
                .Select(e => new DuplicateCandidate(e.Id, e.NameZh, e.NameEn, e.CreditCode, EnterpriseDuplicates.SameCreditCode))
                .FirstOrDefaultAsync(cancellationToken);
            if (holder is null)
            {
                throw;
            }

            throw new DuplicateEnterpriseException([holder]);
        }
    }

    private static bool HasAName(IEnterpriseFields fields) => !string.IsNullOrWhiteSpace(fields.NameZh) || !string.IsNullOrWhiteSpace(fields.NameEn);

    // NFKC can lengthen a name (e.g. "㈱" → "(株)"); the key column has the name's maximum length.
    private static bool FitsAsKey(string? name) => name is null || EnterpriseName.Key(name).Length <= Enterprise.NameMaxLength;

    private static bool IsWebAddress(string? website) =>
        Uri.TryCreate(website?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
