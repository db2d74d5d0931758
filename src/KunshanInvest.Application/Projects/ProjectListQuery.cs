using System.Globalization;
using System.Linq.Expressions;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Paging;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Sectors;

namespace KunshanInvest.Application.Projects;

/// <summary>
/// The project list's order, keyset seek and row projection, shared by the paged list and the export so that an
/// export holds exactly the rows the list shows, in the same order.
/// </summary>
internal static class ProjectListQuery
{
    /// <summary>Orders by the sort key then the code; with a cursor of the same sort, keeps only the rows after it.</summary>
    public static IQueryable<InvestmentProject> Seek(IQueryable<InvestmentProject> filtered, ProjectSort sort, bool descending, Cursor? cursor)
    {
        var sortName = sort.ToString();
        return sort switch
        {
            ProjectSort.Created => Seek(filtered, p => p.CreatedAtUtc, cursor, sortName, descending, ParseInstant),
            ProjectSort.Code => Seek(filtered, p => p.Code, cursor, sortName, descending, s => s),
            ProjectSort.Name => Seek(filtered, p => p.Name, cursor, sortName, descending, s => s),
            ProjectSort.Stage => Seek(filtered, p => p.Stage, cursor, sortName, descending, s => (ProjectStage)int.Parse(s, CultureInfo.InvariantCulture)),
            _ => Seek(filtered, p => p.LastActivityAtUtc, cursor, sortName, descending, ParseInstant),
        };
    }

    /// <summary>
    /// Whether <paramref name="value"/> is a cursor this list could have issued: it decodes, names a known sort and
    /// its key parses for that sort. A forged key is a 400, not a parse failure deep in the query.
    /// </summary>
    public static bool IsValidCursor(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (Cursor.Decode(value) is not { Key: { } key } cursor || !Enum.TryParse<ProjectSort>(cursor.Sort, out var sort))
        {
            return false;
        }

        return sort switch
        {
            ProjectSort.Created or ProjectSort.LastActivity =>
                long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks,
            ProjectSort.Stage => int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var stage) && Enum.IsDefined((ProjectStage)stage),
            _ => true,
        };
    }

    /// <summary>The position just after <paramref name="item"/> in the given order.</summary>
    public static Cursor After(ProjectListItem item, ProjectSort sort) => new(sort.ToString(), KeyOf(item, sort), item.Code);

    /// <summary>
    /// One row per project with its enterprise, sector and park names, and the sector's own 六未 limits (so the
    /// flag costs no statement of its own) — joined in the same statement.
    /// </summary>
    public static IQueryable<ProjectListRow> Project(IAppDbContext db, IQueryable<InvestmentProject> projects) =>
        from p in projects
        join e in db.Enterprises on p.EnterpriseId equals e.Id into es
        from e in es.DefaultIfEmpty()
        join s in db.Sectors on p.SectorId equals s.Id into ss
        from s in ss.DefaultIfEmpty()
        join k in db.Parks on p.ParkId equals k.Id into ks
        from k in ks.DefaultIfEmpty()
        select new ProjectListRow(new ProjectListItem(
            p.Id, p.Code, p.Name, p.Stage,
            p.EnterpriseId, e.NameZh, e.NameEn,
            p.SectorId, s.Code, s.NameZh,
            p.ParkId, k.NameZh,
            p.Source, p.OwnerId, null,
            p.EstimatedInvestment == null ? null : new MoneyDto(p.EstimatedInvestment!.MinorUnits, p.EstimatedInvestment!.Currency),
            p.PledgedInvestment == null ? null : new MoneyDto(p.PledgedInvestment!.MinorUnits, p.PledgedInvestment!.Currency),
            p.IsMajor, false, p.StageEnteredAtUtc, p.LastActivityAtUtc, p.NextFollowUpOn, p.CreatedAtUtc, s.NameEn, k.NameEn,
            p.EscalatedStageEnteredAtUtc == p.StageEnteredAtUtc ? p.EscalationLevel : 0,
            p.StaleFlaggedAtUtc != null && p.StaleFlaggedAtUtc >= p.LastActivityAtUtc ? p.StaleFlaggedAtUtc : null),
            new SectorLimits(s.SignedDays, s.RegisteredDays, s.LandSecuredDays, s.UnderConstructionDays, s.OperatingDays, s.AboveScaleDays, null));

    private static IQueryable<InvestmentProject> Seek<TKey>(IQueryable<InvestmentProject> query, Expression<Func<InvestmentProject, TKey>> key, Cursor? cursor, string sort, bool descending, Func<string, TKey> parse)
    {
        if (cursor is not null && cursor.Sort == sort && cursor.Key is not null)
        {
            query = query.After(key, p => p.Code, parse(cursor.Key), cursor.Code, descending);
        }

        return query.OrderByKey(key, p => p.Code, descending);
    }

    private static DateTime ParseInstant(string value) =>
        new(long.Parse(value, CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static string KeyOf(ProjectListItem item, ProjectSort sort) => sort switch
    {
        ProjectSort.Created => item.CreatedAtUtc.Ticks.ToString(CultureInfo.InvariantCulture),
        ProjectSort.Code => item.Code,
        ProjectSort.Name => item.Name,
        ProjectSort.Stage => ((int)item.Stage).ToString(CultureInfo.InvariantCulture),
        _ => item.LastActivityAtUtc.Ticks.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>A list row and its sector's own 六未 limits (null where the default applies).</summary>
internal sealed record ProjectListRow(ProjectListItem Item, SectorLimits SectorLimits)
{
    public bool IsStalled(StalledLimits defaults, DateTime nowUtc) =>
        SectorLimits.Over(defaults).IsStalled(Item.Stage, Item.StageEnteredAtUtc, nowUtc);
}
