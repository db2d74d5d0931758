using KunshanInvest.Application.Reports.ServiceRequests.GetServiceCloseTimes;
using KunshanInvest.Application.Reports.ServiceRequests.GetServiceRequestLoad;
using KunshanInvest.Application.Reports.ServiceRequests.GetServiceSatisfaction;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Services;
using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Reports;

namespace KunshanInvest.Application.Tests;

/// <summary>
/// The service request reports on known data, checked against numbers worked out by hand (SQLite, and PostgreSQL in
/// <see cref="PostgresServiceReportTests"/>). Now is 2026-06-30 08:00 UTC.
/// </summary>
public abstract class ServiceReportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Guid _user;
    private Guid _enterprise;
    private ServiceCategory _powerCategory = null!;
    private ServiceCategory _waterCategory = null!;
    private Department _power = null!;
    private Department _water = null!;

    private DateTime Now => _database.Clock.GetUtcNow().UtcDateTime;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _user = await _database.AddUserAsync("officer");
        await using var db = _database.NewContext();
        var enterprise = new Enterprise("报表测试企业", "Report Test Co", "CN", Ownership.Domestic);
        _powerCategory = new ServiceCategory("power", "用电", "Power", 5);
        _waterCategory = new ServiceCategory("water", "用水", "Water", 10);
        _power = new Department("a-power", "供电所", "Power bureau");
        _water = new Department("b-water", "水务局", "Water bureau");
        db.AddRange(enterprise, _powerCategory, _waterCategory, _power, _water);
        await db.SaveChangesAsync();
        _enterprise = enterprise.Id;
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Open_and_overdue_requests_are_counted_by_category_and_by_department()
    {
        await AddAsync(_power, _powerCategory, Utc(2026, 6, 20), Utc(2026, 7, 5)); // open
        await AddAsync(_power, _powerCategory, Utc(2026, 6, 20), Utc(2026, 7, 5), start: true); // 办理中
        await AddAsync(_power, _powerCategory, Utc(2026, 6, 1), Utc(2026, 6, 10)); // overdue
        await AddAsync(_water, _waterCategory, Utc(2026, 6, 1), Utc(2026, 6, 11)); // overdue
        await AddAsync(_water, _waterCategory, Utc(2026, 6, 1), Utc(2026, 6, 29), start: true); // overdue, 办理中
        await AddAsync(_water, _powerCategory, Utc(2026, 6, 1), Utc(2026, 6, 5), closedAt: Utc(2026, 6, 20)); // closed: not open
        await AddAsync(_water, _powerCategory, Utc(2026, 6, 1), Utc(2026, 6, 5), returned: true); // returned: not open

        await using var db = _database.NewContext();
        var load = await new GetServiceRequestLoadHandler(db, _database.Clock).Handle(new GetServiceRequestLoad(), CancellationToken.None);

        Assert.Equal((5, 3), (load.Open, load.Overdue));
        Assert.Equal([("water", 2, 2), ("power", 3, 1)], load.ByCategory.Select(r => (r.Code, r.Open, r.Overdue)));
        Assert.Equal([("b-water", 2, 2), ("a-power", 3, 1)], load.ByDepartment.Select(r => (r.Code, r.Open, r.Overdue)));
        Assert.Equal(("水务局", "Water bureau"), (load.ByDepartment[0].NameZh, load.ByDepartment[0].NameEn));
    }

    [Fact]
    public async Task The_median_days_to_close_is_the_middle_value_or_the_mean_of_the_two_middle_ones()
    {
        // Power bureau: 2, 4, 10 and 1 days → sorted 1, 2, 4, 10: median (2 + 4) / 2 = 3, mean 17 / 4 = 4.25.
        foreach (var days in new[] { 2, 4, 10, 1 })
        {
            await AddAsync(_power, _powerCategory, Utc(2026, 3, 1), Utc(2026, 3, 20), closedAt: Utc(2026, 3, 1).AddDays(days));
        }

        // Water bureau: 3, 7 and 5.5 days → median 5.5, mean 15.5 / 3.
        foreach (var days in new[] { 3, 7, 5.5 })
        {
            await AddAsync(_water, _waterCategory, Utc(2026, 4, 1), Utc(2026, 4, 20), closedAt: Utc(2026, 4, 1).AddDays(days));
        }

        // Closed in 2025 (100 days) and a request still open: neither counts for 2026.
        await AddAsync(_power, _powerCategory, Utc(2025, 6, 1), Utc(2025, 6, 10), closedAt: Utc(2025, 9, 9));
        await AddAsync(_power, _powerCategory, Utc(2026, 1, 5), Utc(2026, 1, 10));

        await using var db = _database.NewContext();
        var times = await new GetServiceCloseTimesHandler(new ServiceReportSql(db, _database.Dialect), _database.Clock).Handle(new GetServiceCloseTimes(), CancellationToken.None);

        Assert.Equal(2026, times.Year);
        Assert.Equal(["供电所", "水务局"], times.Departments.Select(d => d.NameZh));
        var power = times.Departments[0];
        var water = times.Departments[1];
        Assert.Equal(4, power.Closed);
        Assert.Equal(3.0, power.MedianDays, 6);
        Assert.Equal(4.25, power.MeanDays, 6);
        Assert.Equal(3, water.Closed);
        Assert.Equal(5.5, water.MedianDays, 6);
        Assert.Equal(15.5 / 3, water.MeanDays, 6);

        var lastYear = await new GetServiceCloseTimesHandler(new ServiceReportSql(db, _database.Dialect), _database.Clock).Handle(new GetServiceCloseTimes(2025), CancellationToken.None);
        Assert.Equal([(1, 100.0)], lastYear.Departments.Select(d => (d.Closed, Math.Round(d.MedianDays, 6))));
    }

    [Fact]
    public async Task Satisfaction_is_averaged_by_department_and_Kunshan_month()
    {
        // Power bureau: May 5 and 4 (4.5 over 2); June 3. Water bureau: June 2, 5, 5 (4 over 3) — the 2 given on
        // 31 May at 20:00 UTC, already 1 June in Kunshan. Overall 24 / 6 = 4.
        await VisitedAsync(_power, Utc(2026, 5, 10), 5);
        await VisitedAsync(_power, Utc(2026, 5, 20), 4);
        await VisitedAsync(_power, Utc(2026, 6, 3), 3);
        await VisitedAsync(_water, new DateTime(2026, 5, 31, 20, 0, 0, DateTimeKind.Utc), 2);
        await VisitedAsync(_water, Utc(2026, 6, 15), 5);
        await VisitedAsync(_water, Utc(2026, 6, 16), 5);
        await VisitedAsync(_water, Utc(2025, 12, 15), 1); // another year

        await using var db = _database.NewContext();
        var report = await new GetServiceSatisfactionHandler(new ServiceReportSql(db, _database.Dialect), _database.Clock).Handle(new GetServiceSatisfaction(), CancellationToken.None);

        Assert.Equal((6, 4.0), (report.Visits, Math.Round(report.AverageSatisfaction!.Value, 6)));
        Assert.Equal(
            [("供电所", "2026-05", 2, 4.5), ("供电所", "2026-06", 1, 3.0), ("水务局", "2026-06", 3, 4.0)],
            report.Rows.Select(r => (r.NameZh, r.Month, r.Visits, Math.Round(r.AverageSatisfaction, 6))));
    }

    private static DateTime Utc(int year, int month, int day) => new(year, month, day, 2, 0, 0, DateTimeKind.Utc);

    private async Task AddAsync(Department department, ServiceCategory category, DateTime acceptedAt, DateTime dueAt, bool start = false, DateTime? closedAt = null, bool returned = false)
    {
        await using var db = _database.NewContext();
        var request = new ServiceRequest(_enterprise, category.Id, department.Id, "报表测试诉求", null, null, _user, _user, acceptedAt, dueAt);
        if (start)
        {
            request.Start(_user, acceptedAt.AddHours(1));
        }

        if (closedAt is { } closed)
        {
            request.Close("已办结", _user, closed);
        }

        if (returned)
        {
            request.Return("非本部门", _user, acceptedAt.AddHours(2));
        }

        db.ServiceRequests.Add(request);
        await db.SaveChangesAsync();
    }

    /// <summary>A request closed in 2025 (outside 2026's close times) and visited at <paramref name="visitedAt"/>.</summary>
    private async Task VisitedAsync(Department department, DateTime visitedAt, int satisfaction)
    {
        await using var db = _database.NewContext();
        var request = new ServiceRequest(_enterprise, _powerCategory.Id, department.Id, "回访测试", null, null, _user, _user, Utc(2025, 11, 1), Utc(2025, 11, 10));
        request.Close("已办结", _user, Utc(2025, 11, 5));
        request.RecordVisit(satisfaction, null, _user, visitedAt);
        db.ServiceRequests.Add(request);
        await db.SaveChangesAsync();
    }
}

public sealed class SqliteServiceReportTests() : ServiceReportTests(DatabaseProvider.Sqlite);

public sealed class PostgresServiceReportTests() : ServiceReportTests(DatabaseProvider.PostgreSql);
