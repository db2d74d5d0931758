using System.Globalization;
using KunshanInvest.Application.Common.History;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Web.Text;

namespace KunshanInvest.Web.Components.History;

/// <summary>
/// The audit trail as a reader reads it: a field's label in the page's language, never its property path, and its
/// values as the pages show them — money in 万元 (not fen), dates in Kunshan time, stages and sources by name,
/// ids by the name they stand for. Bookkeeping fields (version, stamps of the jobs) are left out.
/// </summary>
public static class HistoryText
{
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        "Version", "IsDemo", "StaleFlaggedAtUtc", "EscalationLevel", "EscalatedAtUtc", "EscalatedStageEnteredAtUtc",
        "LastActivityAtUtc", "StageEnteredAtUtc", "CreatedAtUtc", "EstimatedInvestment.Currency", "PledgedInvestment.Currency",
        "NameZhKey", "NameEnKey", "Id",
    };

    private static readonly Dictionary<string, (string Zh, string En)> Labels = new(StringComparer.Ordinal)
    {
        ["Code"] = ("编号", "Code"),
        ["Name"] = ("名称", "Name"),
        ["EnterpriseId"] = ("企业", "Enterprise"),
        ["SectorId"] = ("产业链", "Sector"),
        ["ParkId"] = ("载体", "Park"),
        ["EventId"] = ("招商活动", "Event"),
        ["ExpansionOfProjectId"] = ("增资扩产原项目", "Expansion of"),
        ["Source"] = ("来源", "Source"),
        ["OwnerId"] = ("负责人", "Owner"),
        ["Stage"] = ("阶段", "Stage"),
        ["StageBeforeSideState"] = ("搁置前阶段", "Stage before pausing"),
        ["LostReason"] = ("流失原因", "Reason lost"),
        ["EstimatedInvestment.MinorUnits"] = ("预计投资", "Estimated investment"),
        ["IsMajor"] = ("重大项目", "Major project"),
        ["BlockingIssues"] = ("卡点", "Blocking issues"),
        ["NextFollowUpOn"] = ("下次跟进", "Next follow-up"),
        ["PledgedInvestment.MinorUnits"] = ("协议投资额", "Pledged investment"),
        ["PledgedForeignCapitalUsdCents"] = ("协议外资", "Pledged foreign capital"),
        ["PledgedJobs"] = ("协议就业", "Pledged jobs"),
        ["PledgedAnnualTaxFen"] = ("协议年税收", "Pledged annual tax"),
        ["PledgedAnnualOutputFen"] = ("协议年产值", "Pledged annual output"),
        ["PledgedLandMu"] = ("协议用地", "Pledged land"),
        ["ProjectCompanyCreditCode"] = ("项目公司信用代码", "Project company's credit code"),
        ["FundsInPlaceFen"] = ("到位资金", "Funds in place"),
        ["RealisedJobs"] = ("实际就业", "Realised jobs"),
        ["RealisedAnnualTaxFen"] = ("实际年税收", "Realised annual tax"),
        ["RealisedAnnualOutputFen"] = ("实际年营收", "Realised annual revenue"),
        ["NameZh"] = ("中文名称", "Chinese name"),
        ["NameEn"] = ("英文名称", "English name"),
        ["CreditCode"] = ("统一社会信用代码", "Credit code"),
        ["Country"] = ("国家/地区", "Country"),
        ["Ownership"] = ("企业性质", "Ownership"),
        ["IsFortune500"] = ("世界500强", "Fortune 500"),
        ["IsListed"] = ("上市企业", "Listed"),
        ["Website"] = ("网址", "Website"),
        ["Note"] = ("备注", "Note"),
        ["MergedIntoId"] = ("合并到", "Merged into"),
        ["Title"] = ("职务", "Title"),
        ["Phone"] = ("电话", "Phone"),
        ["Email"] = ("邮箱", "E-mail"),
        ["WeChat"] = ("微信", "WeChat"),
    };

    /// <summary>The names a project's trail may refer to by id: its sectors, parks, enterprise, owner and event.</summary>
    public static IReadOnlyDictionary<Guid, string> NamesFor(
        Application.Projects.ProjectDetail? project, IEnumerable<Application.Sectors.ListSectors.SectorDto> sectors, IEnumerable<Application.Parks.ListParks.ParkDto> parks)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var sector in sectors)
        {
            names[sector.Id] = T.Named(sector.NameZh, sector.NameEn);
        }

        foreach (var park in parks)
        {
            names[park.Id] = T.Named(park.NameZh, park.NameEn);
        }

        if (project is not null)
        {
            if (project.EnterpriseId is { } enterprise)
            {
                names[enterprise] = T.Named(project.EnterpriseNameZh, project.EnterpriseNameEn);
            }

            if (project.EventId is { } promotion)
            {
                names[promotion] = project.EventNameZh ?? "—";
            }

            names[project.OwnerId] = project.OwnerName ?? "—";
        }

        return names;
    }

    /// <summary>Whether the reader sees this field at all.</summary>
    public static bool Shows(FieldChange change) => !Hidden.Contains(change.Field);

    public static string Label(string field) =>
        Labels.TryGetValue(field, out var label) ? (T.IsEnglish ? label.En : label.Zh) : T.Field;

    /// <summary>For the auditor's trail of every kind of record: the label where there is one, else the stored field name.</summary>
    public static string LabelOrName(string field) =>
        Labels.TryGetValue(field, out var label) ? (T.IsEnglish ? label.En : label.Zh) : field;

    /// <summary>A stored value (invariant text) as the pages show it; <paramref name="names"/> names the ids it may hold.</summary>
    public static string Value(string field, string? value, IReadOnlyDictionary<Guid, string> names)
    {
        if (value is null)
        {
            return "—";
        }

        var invariant = CultureInfo.InvariantCulture;
        if ((field.EndsWith("Fen", StringComparison.Ordinal) || field.EndsWith(".MinorUnits", StringComparison.Ordinal))
            && long.TryParse(value, NumberStyles.Integer, invariant, out var fen))
        {
            return Amounts.Cny(fen);
        }

        if (field.EndsWith("UsdCents", StringComparison.Ordinal) && long.TryParse(value, NumberStyles.Integer, invariant, out var cents))
        {
            return Amounts.Usd(cents);
        }

        if (field.EndsWith("Mu", StringComparison.Ordinal) && double.TryParse(value, NumberStyles.Float, invariant, out var mu))
        {
            return Amounts.Mu(mu);
        }

        if (field is "Stage" or "StageBeforeSideState" && Enum.TryParse<ProjectStage>(value, out var stage))
        {
            return T.StageName(stage);
        }

        if (field == "Ownership" && Enum.TryParse<Domain.Enterprises.Ownership>(value, out var ownership))
        {
            return T.OwnershipName(ownership);
        }

        if (field == "Source" && Enum.TryParse<SourceChannel>(value, out var source))
        {
            return T.SourceName(source);
        }

        if (value is "True" or "False")
        {
            return value == "True" ? T.Yes : T.No;
        }

        if (Guid.TryParse(value, out var id))
        {
            return names.TryGetValue(id, out var name) ? name : "—";
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", invariant, DateTimeStyles.None, out _))
        {
            return value;
        }

        return DateTime.TryParse(value, invariant, DateTimeStyles.RoundtripKind, out var instant) && value.Contains('T', StringComparison.Ordinal)
            ? Times.Minute(instant.ToUniversalTime())
            : value;
    }
}
