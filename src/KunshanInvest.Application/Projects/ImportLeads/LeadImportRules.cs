using System.Globalization;
using System.Text;
using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Enterprises.Duplicates;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Projects.ImportLeads;

/// <summary>A sector as the import resolves it: by code (any case) or Chinese name.</summary>
internal sealed record SectorRef(Guid Id, string Code, string NameZh, bool IsActive);

/// <summary>An enterprise the file creates; later rows naming the same company (code or name) join it rather than create another.</summary>
internal sealed class PlannedEnterprise(LeadDraft first)
{
    public int FirstRow { get; } = first.Row;
    public NewEnterprise Typed { get; } = first.Enterprise;
    public string? CreditCode { get; set; } = first.CreditCode;
    public HashSet<string> Keys { get; } = [.. first.NameKeys];
    public Enterprise? Entity { get; set; }
}

/// <summary>One row checked on its own (no database): typed values, the enterprise it names, and its errors by column.</summary>
internal sealed class LeadDraft
{
    public required int Row { get; init; }
    public required NewEnterprise Enterprise { get; init; }

    /// <summary>The normalised code when it is a valid one (only such codes are matched).</summary>
    public string? CreditCode { get; init; }
    public required IReadOnlyList<string> NameKeys { get; init; }
    public SectorRef? Sector { get; init; }
    public SourceChannel? Source { get; init; }
    public MoneyDto? Investment { get; init; }
    public string? ProjectName { get; init; }
    public bool IsMajor { get; init; }
    public List<LeadImportError> Errors { get; } = [];

    public EnterpriseMatch? Existing { get; set; }
    public PlannedEnterprise? Planned { get; set; }

    public bool HasName => NameKeys.Count > 0;
}

/// <summary>The per-row rules, reusing the lead form's validators so a row is judged as the form would judge it.</summary>
internal static class LeadImportRules
{
    private static readonly string[] Yes = ["是", "y", "yes", "true", "1"];
    private static readonly string[] No = ["否", "n", "no", "false", "0"];

    private static readonly NewEnterpriseValidator EnterpriseRules = new();
    private static readonly MoneyValidator MoneyRules = new();

    /// <summary>Validator property names → template columns.</summary>
    private static readonly Dictionary<string, string> ColumnOf = new(StringComparer.OrdinalIgnoreCase)
    {
        [nameof(NewEnterprise.NameZh)] = LeadImportColumns.NameZh,
        [nameof(NewEnterprise.NameEn)] = LeadImportColumns.NameEn,
        [nameof(NewEnterprise.CreditCode)] = LeadImportColumns.CreditCode,
        [nameof(NewEnterprise.Country)] = LeadImportColumns.Country,
        [nameof(NewEnterprise.Ownership)] = LeadImportColumns.Country,
        [nameof(MoneyDto.MinorUnits)] = LeadImportColumns.Investment,
        [nameof(MoneyDto.Currency)] = LeadImportColumns.Currency,
    };

    public static LeadDraft Check(LeadImportRow row, IReadOnlyList<SectorRef> sectors)
    {
        var errors = new List<LeadImportError>();
        void Fail(string column, Said said) => errors.Add(new LeadImportError(column, said.ToString()));

        var country = Fold(row.Country)?.ToUpperInvariant() ?? "CN";
        var enterprise = new NewEnterprise(row.NameZh, row.NameEn, row.CreditCode, country, OwnershipOf(country));
        Report(EnterpriseRules.Validate(enterprise), errors);
        var code = row.CreditCode is null ? null : CreditCode.Normalize(row.CreditCode);
        var keys = new[] { row.NameZh, row.NameEn }
            .Where(n => n is not null)
            .Select(n => EnterpriseName.Key(n!))
            .Where(k => k.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var sector = FindSector(row.Sector, sectors, Fail);
        var source = FindSource(row.Source, Fail);
        var investment = ReadInvestment(row, errors, Fail);

        if (row.ProjectName is { Length: > InvestmentProject.NameMaxLength })
        {
            Fail(LeadImportColumns.ProjectName, M.ImportNameTooLong.With(("max", InvestmentProject.NameMaxLength)));
        }

        var major = ReadMajor(row.Major, Fail);

        var draft = new LeadDraft
        {
            Row = row.Row,
            Enterprise = enterprise,
            CreditCode = code is not null && CreditCode.IsValid(code) ? code : null,
            NameKeys = keys,
            Sector = sector,
            Source = source,
            Investment = investment,
            ProjectName = row.ProjectName,
            IsMajor = major,
        };
        draft.Errors.AddRange(errors);
        return draft;
    }

    /// <summary>CN is domestic; Hong Kong, Macao and Taiwan have their own category (港澳台); anywhere else is foreign.</summary>
    public static Ownership OwnershipOf(string country) => Ownerships.OfCountry(country);

    private static SectorRef? FindSector(string? text, IReadOnlyList<SectorRef> sectors, Action<string, Said> fail)
    {
        if (text is null)
        {
            fail(LeadImportColumns.Sector, M.ImportSectorRequired);
            return null;
        }

        var sector = sectors.FirstOrDefault(s => string.Equals(s.Code, text, StringComparison.OrdinalIgnoreCase))
            ?? sectors.FirstOrDefault(s => s.NameZh == text);
        if (sector is null)
        {
            fail(LeadImportColumns.Sector, M.ImportSectorUnknown.With(("text", text)));
            return null;
        }

        if (!sector.IsActive)
        {
            fail(LeadImportColumns.Sector, M.ImportSectorInactive.With(("sector", sector.NameZh)));
            return null;
        }

        return sector;
    }

    private static SourceChannel? FindSource(string? text, Action<string, Said> fail)
    {
        if (SourceChannels.TryParse(text, out var channel))
        {
            return channel;
        }

        var labels = new Bilingual(string.Join("/", SourceChannels.All.Select(c => c.ZhName())), string.Join("/", SourceChannels.All));
        fail(LeadImportColumns.Source, text is null
            ? M.ImportSourceRequired.With(("labels", labels))
            : M.ImportSourceUnknown.With(("text", text), ("labels", labels)));
        return null;
    }

    private static MoneyDto? ReadInvestment(LeadImportRow row, List<LeadImportError> errors, Action<string, Said> fail)
    {
        var currency = Fold(row.Currency)?.ToUpperInvariant() ?? "CNY";
        if (row.Investment is null)
        {
            if (row.Currency is not null && !Currencies.IsSupported(currency))
            {
                fail(LeadImportColumns.Currency, M.ImportCurrency);
            }

            return null;
        }

        decimal? wan = row.Investment switch
        {
            double d when double.IsFinite(d) && Math.Abs(d) < 1e20 => (decimal)d,
            string s when decimal.TryParse(Fold(s)!.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
        if (wan is null)
        {
            fail(LeadImportColumns.Investment, M.ImportInvestmentNumber);
            return null;
        }

        if (Math.Abs(wan.Value) > MoneyUnits.MinorToWan(MoneyValidator.MaxMinorUnits))
        {
            fail(LeadImportColumns.Investment, M.ImportInvestmentRange);
            return null;
        }

        var money = new MoneyDto(MoneyUnits.WanToMinor(wan.Value), currency);
        var before = errors.Count;
        Report(MoneyRules.Validate(money), errors);
        return errors.Count == before ? money : null;
    }

    private static bool ReadMajor(object? cell, Action<string, Said> fail)
    {
        if (cell is bool flag)
        {
            return flag;
        }

        var text = LeadImportSheet.TextOf(cell);
        if (text is null || No.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if (Yes.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        fail(LeadImportColumns.Major, M.ImportMajor);
        return false;
    }

    private static void Report(FluentValidation.Results.ValidationResult result, List<LeadImportError> errors)
    {
        foreach (var failure in result.Errors)
        {
            var column = ColumnOf.GetValueOrDefault(failure.PropertyName, failure.PropertyName);
            if (!errors.Any(e => e.Column == column && e.Message == failure.ErrorMessage))
            {
                errors.Add(new LeadImportError(column, failure.ErrorMessage));
            }
        }
    }

    /// <summary>Full-width letters and digits to half-width, trimmed; null stays null.</summary>
    private static string? Fold(string? text) => text?.Normalize(NormalizationForm.FormKC).Trim() is { Length: > 0 } folded ? folded : null;
}
