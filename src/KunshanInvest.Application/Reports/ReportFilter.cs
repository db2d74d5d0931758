using System.Linq.Expressions;
using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Reports;

/// <summary>
/// The reports' filters. The period (Kunshan dates, both included) bounds the flows — signings, stage exits,
/// events, trend months; state reports (funnel, stalled, pledged vs realised) show the pipeline as it stands now.
/// Empty period = 1 January of this Kunshan year to today.
/// </summary>
public sealed record ReportFilter
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public Guid? SectorId { get; init; }
    public Guid? ParkId { get; init; }
    public Guid? OfficerId { get; init; }

    /// <summary>Longest period a report covers: ten years.</summary>
    public const int MaxPeriodDays = 3660;
}

/// <summary>Every report request carries the filter, so one validator rule set and one scope serve them all.</summary>
public interface IReportRequest
{
    ReportFilter Filter { get; }
}

/// <summary>
/// The filter as a report applies it: the period resolved to UTC bounds, and an Officer's officer filter forced to
/// itself — an officer sees its own figures, never wider, whatever it asks for.
/// </summary>
public sealed record ReportScope(DateOnly From, DateOnly To, Guid? SectorId, Guid? ParkId, Guid? OfficerId, DateTime NowUtc, DateOnly Today)
{
    /// <summary>The first instant of <see cref="From"/> in Kunshan, as UTC.</summary>
    public DateTime FromUtc => BureauCalendar.ToUtc(From, TimeOnly.MinValue);

    /// <summary>The first instant after <see cref="To"/> in Kunshan, as UTC.</summary>
    public DateTime ToUtcExclusive => BureauCalendar.ToUtc(To.AddDays(1), TimeOnly.MinValue);

    /// <summary>The year targets and conversion rates are taken from: the year the period ends in.</summary>
    public int Year => To.Year;

    public static ReportScope Resolve(ReportFilter filter, ICurrentUser user, TimeProvider clock)
    {
        var today = clock.BureauToday();
        var to = filter.To ?? (filter.From is { } f && f.Year < today.Year ? new DateOnly(f.Year, 12, 31) : today);
        var from = filter.From ?? new DateOnly(to.Year, 1, 1);
        var officer = user.IsManagerOrAdmin() ? filter.OfficerId : user.RequireId();
        return new ReportScope(from, to, filter.SectorId, filter.ParkId, officer, clock.GetUtcNow().UtcDateTime, today);
    }

    /// <summary>The projects the filter's sector, park and officer select.</summary>
    public IQueryable<InvestmentProject> Projects(IAppDbContext db)
    {
        var projects = db.Projects.AsNoTracking();
        if (SectorId is { } sector)
        {
            projects = projects.Where(p => p.SectorId == sector);
        }

        if (ParkId is { } park)
        {
            projects = projects.Where(p => p.ParkId == park);
        }

        if (OfficerId is { } officer)
        {
            projects = projects.Where(p => p.OwnerId == officer);
        }

        return projects;
    }

    /// <summary>
    /// The instant each signed project was signed: its first move to 签约 or any later pipeline stage (a forward jump past
    /// 签约 counts), as one GROUP BY over the stage changes. (A correlated MIN per project, filtered or compared twice,
    /// is repeated by EF and cost 3–4× this at 100k projects; docs/performance.md, ADR 0013.)
    /// </summary>
    public static IQueryable<SigningInstant> SigningInstants(IAppDbContext db) =>
        db.StageChanges
            .Where(c => c.To >= ProjectStage.Signed && c.To <= ProjectStage.AtCapacity)
            .GroupBy(c => c.ProjectId)
            .Select(g => new SigningInstant { ProjectId = g.Key, SignedAt = g.Min(c => c.AtUtc) });

    /// <summary>Each project with the instant it was signed (<see cref="SigningInstants"/>, LEFT JOINed); null when it never got there.</summary>
    public static IQueryable<SignedProject> WithSignedAt(IQueryable<InvestmentProject> projects, IAppDbContext db) =>
        from p in projects
        join s in SigningInstants(db) on p.Id equals s.ProjectId into signings
        from s in signings.DefaultIfEmpty()
        select new SignedProject { Project = p, SignedAt = (DateTime?)s!.SignedAt };
}

public sealed class SigningInstant
{
    public Guid ProjectId { get; init; }
    public DateTime SignedAt { get; init; }
}

public sealed class SignedProject
{
    public required InvestmentProject Project { get; init; }
    public DateTime? SignedAt { get; init; }
}

public static class ReportFilterRules
{
    public static void AddReportFilterRules<T>(this AbstractValidator<T> validator)
        where T : IReportRequest
    {
        validator.RuleFor(x => x.Filter).NotNull().OverridePropertyName("filter");
        validator.RuleFor(x => x.Filter.From).Must(d => d is null || d.Value.Year is >= 2000 and <= 2100)
            .OverridePropertyName("from").WithMsg(M.PeriodFromRange)
            .When(x => x.Filter is not null);
        validator.RuleFor(x => x.Filter.To).Must(d => d is null || d.Value.Year is >= 2000 and <= 2100)
            .OverridePropertyName("to").WithMsg(M.PeriodToRange)
            .When(x => x.Filter is not null);
        validator.RuleFor(x => x.Filter).Must(f => f.From is null || f.To is null || f.From <= f.To)
            .OverridePropertyName("to").WithMsg(M.PeriodReversed)
            .When(x => x.Filter is not null);
        validator.RuleFor(x => x.Filter).Must(f => f.From is null || f.To is null || f.To.Value.DayNumber - f.From.Value.DayNumber <= ReportFilter.MaxPeriodDays)
            .OverridePropertyName("from").WithMsg(M.PeriodTooLong)
            .When(x => x.Filter is not null);
    }
}

/// <summary>Amounts summed per currency in SQL, converted to CNY here; a currency without any rate is reported, not dropped.</summary>
public sealed record UnconvertedAmount(string Currency, int Projects, long MinorUnits);

internal sealed class CnyTotals(ExchangeRateTable.Rates rates)
{
    private readonly Dictionary<string, (int Projects, long Minor)> _unconverted = new(StringComparer.Ordinal);

    public long Convert(string? currency, long minor, int projects)
    {
        if (currency is null || minor == 0)
        {
            return 0;
        }

        var trimmed = currency.Trim();
        if (rates.ToFen(minor, trimmed) is { } fen)
        {
            return fen;
        }

        var (p, m) = _unconverted.GetValueOrDefault(trimmed);
        _unconverted[trimmed] = (p + projects, m + minor);
        return 0;
    }

    public IReadOnlyList<UnconvertedAmount> Unconverted =>
        [.. _unconverted.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => new UnconvertedAmount(u.Key, u.Value.Projects, u.Value.Minor))];
}
