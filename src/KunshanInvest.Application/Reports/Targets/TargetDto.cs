using KunshanInvest.Domain.Reports;

namespace KunshanInvest.Application.Reports.Targets;

// The Admin's yearly targets: list a year, set one, revise its value at the version read (If-Match), remove one.
// Each (year, metric, sector, officer, park) combination is set once; every change is audited by the interceptor.

public sealed record TargetDto(Guid Id, int Version, int Year, TargetMetric Metric, Guid? SectorId, Guid? OfficerId, Guid? ParkId, long Value)
{
    public static TargetDto From(Target t) => new(t.Id, t.Version, t.Year, t.Metric, t.SectorId, t.OfficerId, t.ParkId, t.Value);
}
