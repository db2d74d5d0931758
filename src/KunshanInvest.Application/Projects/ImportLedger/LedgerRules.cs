using System.Globalization;
using System.Text;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Enterprises.Duplicates;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Projects;
using C = KunshanInvest.Application.Projects.ImportLedger.LedgerColumns;

namespace KunshanInvest.Application.Projects.ImportLedger;

/// <summary>A sector or park as the ledger names it: by code (any case) or Chinese name.</summary>
internal sealed record LedgerRef(Guid Id, string Code, string NameZh);

/// <summary>The small tables a row is checked against, each read once per import.</summary>
internal sealed record LedgerLookups(
    IReadOnlyList<LedgerRef> Sectors,
    IReadOnlyList<LedgerRef> Parks,
    IReadOnlyDictionary<string, Guid> Owners,
    ISet<(int Year, string Currency)> Rates,
    DateOnly Today);

/// <summary>An enterprise the ledger creates; later rows naming the same company share it.</summary>
internal sealed class LedgerNewEnterprise(LedgerDraft first)
{
    public int FirstRow { get; } = first.Row;
    public string Name { get; } = first.EnterpriseName!;
    public string? CreditCode { get; set; } = first.CreditCode;
    public HashSet<string> Keys { get; } = [.. first.NameKeys];
    public Enterprise? Entity { get; set; }
}

/// <summary>One row of the sheet 台账 as checked on its own, then resolved against the database.</summary>
internal sealed class LedgerDraft
{
    public required int Row { get; init; }
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? CreditCode { get; init; }
    public string? EnterpriseName { get; init; }
    public IReadOnlyList<string> NameKeys { get; init; } = [];
    public LedgerRef? Sector { get; init; }
    public LedgerRef? Park { get; init; }
    public Guid? OwnerId { get; init; }
    public SourceChannel? Source { get; init; }
    public Money? Investment { get; init; }
    public double? LandMu { get; init; }
    public long? OutputFen { get; init; }
    public long? TaxFen { get; init; }
    public ProjectStage? Stage { get; init; }
    public IReadOnlyDictionary<ProjectStage, DateOnly> Dates { get; init; } = new Dictionary<ProjectStage, DateOnly>();
    public int? StatisticsPeriod { get; init; }
    public string? CompanyCreditCode { get; init; }
    public double? SuppliedMu { get; init; }
    public string? Parcel { get; init; }
    public List<LedgerError> Errors { get; } = [];

    public EnterpriseMatch? Existing { get; set; }
    public LedgerEnterpriseMatch How { get; set; }
    public LedgerNewEnterprise? Planned { get; set; }
    public InvestmentProject? Project { get; set; }
    public List<FigureDraft> Figures { get; } = [];

    public void Fail(string column, Said said) => Errors.Add(LedgerError.Of(column, said));
}

/// <summary>One row of the sheet 年度实绩: a project's figures for a year (its December) or up to a month.</summary>
internal sealed class FigureDraft
{
    public required int Row { get; init; }
    public required string ProjectText { get; init; }
    public int Period { get; init; }
    public IReadOnlyList<(FigureKind Kind, long Amount, string? Currency, long Value)> Values { get; init; } = [];
    public bool WholeYear { get; init; }
    public List<LedgerError> Errors { get; } = [];
    public LedgerDraft? Project { get; set; }

    public void Fail(string column, Said said) => Errors.Add(LedgerError.Of(column, said));
}

/// <summary>The per-row rules of the ledger (ADR 0028): everything that can be judged from the row and the lookups.</summary>
internal static class LedgerRules
{
    /// <summary>The dated stages, in pipeline order, with their columns; 入库 is a month.</summary>
    public static readonly (ProjectStage Stage, string Column)[] DatedStages =
    [
        (ProjectStage.Signed, C.SignedOn), (ProjectStage.Registered, C.RegisteredOn), (ProjectStage.LandSecured, C.LandOn),
        (ProjectStage.UnderConstruction, C.ConstructionOn), (ProjectStage.Operating, C.ProductionOn),
        (ProjectStage.AboveScale, C.StatisticsMonth), (ProjectStage.AtCapacity, C.CapacityOn),
    ];

    public static LedgerDraft Check(LedgerCells row, LedgerLookups lookups)
    {
        var errors = new List<LedgerError>();
        void Fail(string column, Said said) => errors.Add(LedgerError.Of(column, said));

        var code = row.Text(C.Code);
        if (code is { Length: > InvestmentProject.CodeMaxLength })
        {
            Fail(C.Code, M.LedgerCodeTooLong.With(("max", InvestmentProject.CodeMaxLength)));
        }

        var name = row.Text(C.Name);
        if (name is null)
        {
            Fail(C.Name, M.LedgerNameRequired);
        }
        else if (name.Length > InvestmentProject.NameMaxLength)
        {
            Fail(C.Name, M.LedgerTextTooLong.With(("max", InvestmentProject.NameMaxLength)));
        }

        var creditCode = ReadCreditCode(row, C.CreditCode, Fail);
        var enterpriseName = row.Text(C.Enterprise);
        var keys = new List<string>();
        if (enterpriseName is { Length: > Enterprise.NameMaxLength })
        {
            // Checked before any normalising: a key is only computed for a name within bounds.
            Fail(C.Enterprise, M.LedgerTextTooLong.With(("max", Enterprise.NameMaxLength)));
            enterpriseName = null;
        }
        else if (enterpriseName is not null && EnterpriseName.Key(enterpriseName) is { Length: > 0 } key)
        {
            keys.Add(key);
        }

        if (creditCode is null && keys.Count == 0 && row[C.CreditCode] is null)
        {
            Fail(C.Enterprise, M.LedgerEnterpriseRequired);
        }

        var sector = Find(row.Text(C.Sector), lookups.Sectors, C.Sector, M.LedgerSectorUnknown, Fail);
        var park = Find(row.Text(C.Park), lookups.Parks, C.Park, M.LedgerParkUnknown, Fail);

        Guid? owner = null;
        if (row.Text(C.Owner) is { } ownerName)
        {
            if (lookups.Owners.TryGetValue(ownerName, out var id))
            {
                owner = id;
            }
            else
            {
                Fail(C.Owner, M.LedgerOwnerUnknown.With(("text", ownerName)));
            }
        }

        SourceChannel? source = null;
        if (row.Text(C.Source) is { } sourceText)
        {
            if (SourceChannels.TryParse(sourceText, out var channel))
            {
                source = channel;
            }
            else
            {
                Fail(C.Source, M.LedgerSourceUnknown.With(("text", sourceText), ("labels", string.Join("/", SourceChannels.All.Select(c => c.ZhName())))));
            }
        }

        var dates = ReadDates(row, lookups.Today, Fail, out var statisticsPeriod);
        var stage = ReadStage(row.Text(C.Stage), Fail);
        var currency = Fold(row.Text(C.Currency))?.ToUpperInvariant() ?? Currencies.Cny;
        Money? investment = null;
        if (!Currencies.IsSupported(currency))
        {
            Fail(C.Currency, M.LedgerCurrency.With(("text", currency)));
        }
        else if (ReadWan(row, C.Investment, Fail) is { } minor)
        {
            investment = new Money(minor, currency);
            var year = dates.TryGetValue(ProjectStage.Signed, out var signed) ? signed.Year : lookups.Today.Year;
            if (currency != Currencies.Cny && !lookups.Rates.Contains((year, currency)))
            {
                Fail(C.Currency, M.LedgerNoRate.With(("currency", currency), ("year", year)));
            }
        }

        var landMu = ReadNumber(row, C.LandMu, Fail);
        var suppliedMu = ReadNumber(row, C.LandSuppliedMu, Fail);
        var output = ReadWan(row, C.Output, Fail);
        var tax = ReadWan(row, C.Tax, Fail);
        var companyCode = ReadCreditCode(row, C.CompanyCreditCode, Fail);
        var parcel = row.Text(C.Parcel);
        if (parcel is { Length: > ProjectMilestone.ReferenceMaxLength })
        {
            Fail(C.Parcel, M.LedgerTextTooLong.With(("max", ProjectMilestone.ReferenceMaxLength)));
        }

        if (stage is { } target)
        {
            CheckStageFacts(target, dates, sector, park, investment, creditCode ?? companyCode, landMu ?? suppliedMu, keys.Count > 0 || creditCode is not null, Fail);
        }

        var draft = new LedgerDraft
        {
            Row = row.Row,
            Code = code,
            Name = name,
            CreditCode = creditCode,
            EnterpriseName = enterpriseName,
            NameKeys = keys,
            Sector = sector,
            Park = park,
            OwnerId = owner,
            Source = source,
            Investment = investment,
            LandMu = landMu,
            OutputFen = output,
            TaxFen = tax,
            Stage = stage,
            Dates = dates,
            StatisticsPeriod = statisticsPeriod,
            CompanyCreditCode = companyCode,
            SuppliedMu = suppliedMu,
            Parcel = parcel,
        };
        draft.Errors.AddRange(errors);
        return draft;
    }

    /// <summary>
    /// What each stage needs that the ledger itself states (the import's rule in place of the stage gates, ADR 0028):
    /// 签约 onward the enterprise, sector, park, a pledged investment and the signing date; 注册 onward a credit code and
    /// the registration date; 供地 the land and its date; 开工, 投产, 上规 (入库 month) and 达产 their dates. A date for a
    /// stage the row has not reached is refused too, and the dates must run in pipeline order.
    /// </summary>
    private static void CheckStageFacts(
        ProjectStage target, IReadOnlyDictionary<ProjectStage, DateOnly> dates, LedgerRef? sector, LedgerRef? park, Money? investment,
        string? creditCode, double? landMu, bool hasEnterprise, Action<string, Said> fail)
    {
        var stageName = new Bilingual(target.ZhName(), target.ToString());
        if (target >= ProjectStage.Signed)
        {
            Need(hasEnterprise, C.Enterprise, new Bilingual("企业", "the enterprise"));
            Need(sector is not null, C.Sector, new Bilingual("产业链", "the sector"));
            Need(park is not null, C.Park, new Bilingual("载体", "the park"));
            Need(investment is { MinorUnits: > 0 }, C.Investment, new Bilingual("协议投资", "the pledged investment"));
        }

        if (target >= ProjectStage.Registered)
        {
            Need(creditCode is not null, C.CompanyCreditCode, new Bilingual("信用代码", "a credit code"));
        }

        if (target == ProjectStage.LandSecured)
        {
            Need(landMu is > 0, C.LandMu, new Bilingual("用地亩数", "the land in mu"));
        }

        foreach (var (stage, column) in DatedStages)
        {
            var has = dates.ContainsKey(stage);
            if (stage <= target && !has && stage != ProjectStage.LandSecured)
            {
                fail(column, M.LedgerDateMissing.With(("stage", stageName), ("column", column)));
            }
            else if (stage == ProjectStage.LandSecured && target == ProjectStage.LandSecured && !has)
            {
                fail(column, M.LedgerDateMissing.With(("stage", stageName), ("column", column)));
            }
            else if (stage > target && has)
            {
                fail(column, M.LedgerDateBeyondStage.With(("column", column), ("stage", stageName)));
            }
        }

        void Need(bool present, string column, Bilingual what)
        {
            if (!present)
            {
                fail(column, M.LedgerStageNeeds.With(("stage", stageName), ("what", what)));
            }
        }
    }

    private static Dictionary<ProjectStage, DateOnly> ReadDates(LedgerCells row, DateOnly today, Action<string, Said> fail, out int? statisticsPeriod)
    {
        statisticsPeriod = null;
        var dates = new Dictionary<ProjectStage, DateOnly>();
        (ProjectStage Stage, string Column, DateOnly Date)? previous = null;
        foreach (var (stage, column) in DatedStages)
        {
            var cell = row[column];
            if (cell is null)
            {
                continue;
            }

            DateOnly? date = stage == ProjectStage.AboveScale ? ReadMonth(cell) : ReadDate(cell);
            if (date is not { } value)
            {
                fail(column, (stage == ProjectStage.AboveScale ? M.LedgerMonth : M.LedgerDate).With(("text", LedgerText(cell))));
                continue;
            }

            if (value > today)
            {
                fail(column, M.LedgerDateFuture.With(("date", value.ToString(stage == ProjectStage.AboveScale ? "yyyy-MM" : "yyyy-MM-dd", CultureInfo.InvariantCulture))));
                continue;
            }

            // 入库 is a month: it is out of order only when its month is before the previous date's month.
            var comparable = stage == ProjectStage.AboveScale && previous is { } p ? new DateOnly(p.Date.Year, p.Date.Month, 1) : previous?.Date;
            if (previous is { } before && value < comparable)
            {
                fail(column, M.LedgerDateOrder.With(
                    ("later", column), ("laterDate", value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    ("earlier", before.Column), ("earlierDate", before.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
                continue;
            }

            dates[stage] = value;
            previous = (stage, column, value);
            if (stage == ProjectStage.AboveScale)
            {
                statisticsPeriod = FigurePeriod.OfDate(value);
            }
        }

        return dates;
    }

    public static FigureDraft CheckFigures(LedgerCells row, LedgerLookups lookups)
    {
        var errors = new List<LedgerError>();
        void Fail(string column, Said said) => errors.Add(LedgerError.Of(column, said));
        var project = row.Text(C.Project) ?? "";

        int? year = null;
        var yearText = row.Text(C.Year);
        if (yearText is null || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < FigurePeriod.MinYear || y > 2100)
        {
            Fail(C.Year, M.LedgerFigureYear.With(("text", yearText ?? ""), ("min", FigurePeriod.MinYear)));
        }
        else
        {
            year = y;
        }

        var month = 12;
        var monthText = row.Text(C.Month);
        if (monthText is not null && (!int.TryParse(monthText, NumberStyles.None, CultureInfo.InvariantCulture, out month) || month is < 1 or > 12))
        {
            Fail(C.Month, M.LedgerFigureMonth.With(("text", monthText)));
            month = 12;
        }

        var period = year is { } yy ? FigurePeriod.Of(yy, month) : 0;
        if (year is not null && period > FigurePeriod.OfDate(lookups.Today))
        {
            Fail(monthText is null ? C.Year : C.Month, M.LedgerFigureFuture.With(("period", FigurePeriod.Format(period))));
        }

        var values = new List<(FigureKind, long, string?, long)>();
        var currency = Fold(row.Text(C.FundsCurrency))?.ToUpperInvariant() ?? Currencies.Cny;
        if (!Currencies.IsSupported(currency))
        {
            Fail(C.FundsCurrency, M.LedgerCurrency.With(("text", currency)));
        }
        else if (ReadWan(row, C.FundsInPlace, Fail) is { } funds)
        {
            if (currency == Currencies.Cny)
            {
                values.Add((FigureKind.FundsInPlace, funds, currency, funds));
            }
            else if (year is { } ry && lookups.Rates.Contains((ry, currency)))
            {
                values.Add((FigureKind.FundsInPlace, funds, currency, -1)); // converted with the year's rate when written
            }
            else if (year is { } ny)
            {
                Fail(C.FundsCurrency, M.LedgerNoRate.With(("currency", currency), ("year", ny)));
            }
        }

        if (ReadWan(row, C.ForeignCapital, Fail) is { } usd)
        {
            values.Add((FigureKind.ForeignCapitalUsed, usd, "USD", usd));
        }

        foreach (var (column, kind) in new[] { (C.TaxPaid, FigureKind.TaxPaid), (C.Revenue, FigureKind.MainBusinessRevenue), (C.IndustrialOutput, FigureKind.IndustrialOutput), (C.FixedAssets, FigureKind.FixedAssetInvestment) })
        {
            if (ReadWan(row, column, Fail) is { } fen)
            {
                values.Add((kind, fen, Currencies.Cny, fen));
            }
        }

        if (ReadNumber(row, C.Jobs, Fail) is { } jobs)
        {
            if (jobs != Math.Floor(jobs) || jobs > int.MaxValue)
            {
                Fail(C.Jobs, M.LedgerNumber.With(("text", LedgerText(row[C.Jobs]))));
            }
            else
            {
                values.Add((FigureKind.Jobs, (long)jobs, null, (long)jobs));
            }
        }

        if (values.Count == 0 && errors.Count == 0)
        {
            Fail(C.FundsInPlace, M.LedgerFigureEmpty);
        }

        var draft = new FigureDraft { Row = row.Row, ProjectText = project, Period = period, Values = values, WholeYear = monthText is null };
        draft.Errors.AddRange(errors);
        return draft;
    }

    private static ProjectStage? ReadStage(string? text, Action<string, Said> fail)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var stage in ProjectStages.Pipeline)
        {
            if (text == stage.ZhName() || string.Equals(text, stage.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return stage;
            }
        }

        fail(C.Stage, M.LedgerStageUnknown.With(("text", text), ("labels", string.Join("/", ProjectStages.Pipeline.Select(s => s.ZhName())))));
        return null;
    }

    private static LedgerRef? Find(string? text, IReadOnlyList<LedgerRef> refs, string column, Msg unknown, Action<string, Said> fail)
    {
        if (text is null)
        {
            return null;
        }

        var found = refs.FirstOrDefault(r => string.Equals(r.Code, text, StringComparison.OrdinalIgnoreCase)) ?? refs.FirstOrDefault(r => r.NameZh == text);
        if (found is null)
        {
            fail(column, unknown.With(("text", text)));
        }

        return found;
    }

    private static string? ReadCreditCode(LedgerCells row, string column, Action<string, Said> fail)
    {
        if (row.Text(column) is not { } text)
        {
            return null;
        }

        var code = text.Length <= 40 ? Domain.Enterprises.CreditCode.Normalize(text) : text;
        if (!Domain.Enterprises.CreditCode.IsValid(code))
        {
            fail(column, M.LedgerCreditCode.With(("code", text.Length > 40 ? text[..40] : text)));
            return null;
        }

        return code;
    }

    /// <summary>A number of 万 as minor units (fen, cents): zero or more and within a figure's range.</summary>
    private static long? ReadWan(LedgerCells row, string column, Action<string, Said> fail)
    {
        if (ReadNumber(row, column, fail) is not { } wan)
        {
            return null;
        }

        if ((decimal)wan > MoneyUnits.MinorToWan(FigureEntry.MaxValue))
        {
            fail(column, M.LedgerFigureRange);
            return null;
        }

        return MoneyUnits.WanToMinor((decimal)wan);
    }

    private static double? ReadNumber(LedgerCells row, string column, Action<string, Said> fail)
    {
        var cell = row[column];
        double? value = cell switch
        {
            null => null,
            double d => d,
            decimal m => (double)m,
            int i => i,
            long l => l,
            string s when double.TryParse(Fold(s)!.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => double.NaN,
        };
        if (value is { } v && (!double.IsFinite(v) || v < 0 || v > 1e15))
        {
            fail(column, M.LedgerNumber.With(("text", LedgerText(cell))));
            return null;
        }

        return value;
    }

    private static DateOnly? ReadDate(object cell) => cell switch
    {
        DateTime t => DateOnly.FromDateTime(t),
        double d when d is > 1 and < 2958466 => DateOnly.FromDateTime(DateTime.FromOADate(d)),
        string s when DateOnly.TryParseExact(Fold(s)!.Replace('/', '-').Replace('.', '-'), ["yyyy-M-d", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
        string s when DateOnly.TryParseExact(Fold(s)!, ["yyyy年M月d日"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
        _ => null,
    };

    private static DateOnly? ReadMonth(object cell) => cell switch
    {
        DateTime t => new DateOnly(t.Year, t.Month, 1),
        double d when d is >= 200001 and <= 210012 && d == Math.Floor(d) && (int)d % 100 is >= 1 and <= 12 => new DateOnly((int)d / 100, (int)d % 100, 1),
        double d when d is > 1 and < 200001 => DateOnly.FromDateTime(DateTime.FromOADate(d)) is var x ? new DateOnly(x.Year, x.Month, 1) : null,
        string s when DateOnly.TryParseExact(Fold(s)!.Replace('/', '-').Replace('.', '-'), ["yyyy-M", "yyyy-MM", "yyyyMM"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
        string s when DateOnly.TryParseExact(Fold(s)!, ["yyyy年M月"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
        _ => null,
    };

    private static string LedgerText(object? cell)
    {
        var text = KunshanInvest.Application.Projects.ImportLeads.LeadImportSheet.TextOf(cell) ?? "";
        return text.Length > 40 ? text[..40] + "…" : text;
    }

    private static string? Fold(string? text) => text?.Normalize(NormalizationForm.FormKC).Trim() is { Length: > 0 } folded ? folded : null;
}
