using System.Data.Common;
using KunshanInvest.Application.Commitments;
using KunshanInvest.Application.Commitments.AddCommitment;
using KunshanInvest.Application.Commitments.ExportCommitmentOverview;
using KunshanInvest.Application.Commitments.GetCommitmentOverview;
using KunshanInvest.Application.Commitments.ListProjectCommitments;
using KunshanInvest.Application.Commitments.RemoveCommitment;
using KunshanInvest.Application.Commitments.UpdateCommitment;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Exports;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Jobs;
using KunshanInvest.Application.Jobs.CheckCommitments;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Infrastructure.Jobs;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MiniExcelLibs;

namespace KunshanInvest.Application.Tests;

/// <summary>
/// Agreement commitments on a real SQLite database: the evaluation in SQL against verified figures and milestones, the
/// use cases' ownership rule, the overview's filters, fixed statement counts, and the daily check's exactly-once flag.
/// Today is 2026-06-30 in Kunshan (the test clock).
/// </summary>
public sealed class CommitmentTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 6, 30);
    private TestDatabase _database = null!;
    private Guid _owner;
    private Guid _colleague;
    private Guid _manager;
    private Guid _checker;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _owner = await _database.AddUserAsync("owner");
        _colleague = await _database.AddUserAsync("colleague");
        _manager = await _database.AddUserAsync("manager");
        _checker = await _database.AddUserAsync("checker");
        await using var db = _database.NewContext();
        var role = new AppRole { Name = Roles.Manager, NormalizedName = Roles.Manager.ToUpperInvariant() };
        db.Roles.Add(role);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = _manager, RoleId = role.Id });
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = _checker, RoleId = role.Id });
        await db.SaveChangesAsync();
        As(_owner, "owner", Roles.Officer);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    // ---- evaluation ----

    [Fact]
    public async Task Only_verified_figures_of_the_window_count_and_each_state_and_actual_is_computed_in_sql()
    {
        var p = await NewProjectAsync(pledgedMu: 40);
        await FigureAsync(p, FigureKind.FixedAssetInvestment, 202401, 6000_0000_00); // long before: cumulative counts it
        await FigureAsync(p, FigureKind.FixedAssetInvestment, 202605, 5000_0000_00);
        await FigureAsync(p, FigureKind.FixedAssetInvestment, 202606, 9000_0000_00, verify: false); // pending: nothing
        await FigureAsync(p, FigureKind.TaxPaid, 202506, 100_0000_00); // 13 months back: outside the year
        await FigureAsync(p, FigureKind.TaxPaid, 202507, 300_0000_00);
        await FigureAsync(p, FigureKind.TaxPaid, 202606, 500_0000_00);
        await FigureAsync(p, FigureKind.TaxPaid, 202606, 700_0000_00, reject: true); // rejected: nothing
        await MilestoneAsync(p, MilestoneKind.ConstructionStarted, new DateOnly(2026, 3, 1));

        var fai = await AddAsync(p, CommitmentMetric.CumulativeFixedAssetInvestment, 1_0000_0000_00, Today.AddDays(-1)); // 1.1亿 ≥ 1亿: met
        var tax = await AddAsync(p, CommitmentMetric.AnnualTax, 1000_0000_00, Today.AddDays(-1)); // 800万 < 1000万, past: missed
        var perMu = await AddAsync(p, CommitmentMetric.TaxPerMu, 20_0000_00, Today); // 800万 / 40亩 = 20万/亩: met
        var output = await AddAsync(p, CommitmentMetric.AnnualOutput, 1, Today); // nothing yet, check date today: due
        var start = await AddAsync(p, CommitmentMetric.ConstructionStart, null, new DateOnly(2026, 2, 28)); // started a day late: missed
        var production = await AddAsync(p, CommitmentMetric.ProductionStart, null, Today.AddDays(90)); // due

        var list = (await ListAsync(p)).ToDictionary(c => c.Id);

        Assert.Equal((CommitmentState.Met, 1_1000_0000_00L), (list[fai.Id].State, list[fai.Id].Actual));
        Assert.Equal((CommitmentState.Missed, 800_0000_00L), (list[tax.Id].State, list[tax.Id].Actual));
        Assert.Equal((CommitmentState.Met, 20_0000_00L, 40d), (list[perMu.Id].State, list[perMu.Id].Actual, list[perMu.Id].LandMu));
        Assert.Equal((CommitmentState.Due, 0L), (list[output.Id].State, list[output.Id].Actual));
        Assert.Equal((CommitmentState.Missed, new DateOnly(2026, 3, 1)), (list[start.Id].State, list[start.Id].ReachedOn));
        Assert.Equal(CommitmentState.Due, list[production.Id].State);
        Assert.Equal([start.Id, fai.Id, tax.Id, output.Id, perMu.Id, production.Id], (await ListAsync(p)).Select(c => c.Id));

        // The SQL's rule is the domain's rule.
        await using var db = _database.NewContext();
        foreach (var c in await db.Commitments.ToListAsync())
        {
            var row = list[c.Id];
            Assert.Equal(c.Evaluate(Today, row.Metric.IsDate() ? null : Sum(row), row.ReachedOn, row.LandMu).State, row.State);
        }

        static long? Sum(CommitmentDto row) => row.Metric == CommitmentMetric.TaxPerMu ? (long)(row.Actual!.Value * row.LandMu!.Value) : row.Actual;
    }

    [Fact]
    public async Task Tax_per_mu_takes_the_land_supplied_milestones_mu_over_the_pledge()
    {
        var p = await NewProjectAsync(pledgedMu: 100);
        await FigureAsync(p, FigureKind.TaxPaid, 202606, 1000_0000_00);
        var perMu = await AddAsync(p, CommitmentMetric.TaxPerMu, 20_0000_00, Today.AddDays(-1));
        Assert.Equal((CommitmentState.Missed, 10_0000_00L), ((await ListAsync(p)).Single().State, (await ListAsync(p)).Single().Actual));

        await MilestoneAsync(p, MilestoneKind.LandSupplied, new DateOnly(2025, 1, 1), mu: 50);

        var row = (await ListAsync(p)).Single(c => c.Id == perMu.Id);
        Assert.Equal((CommitmentState.Met, 20_0000_00L, 50d), (row.State, row.Actual, row.LandMu));
    }

    [Fact]
    public async Task Listing_takes_the_same_number_of_statements_for_one_commitment_as_for_thirty()
    {
        var p = await NewProjectAsync();
        await AddAsync(p, CommitmentMetric.AnnualTax, 100, Today);
        var one = await CountAsync(db => new ListProjectCommitmentsHandler(db, _database.Clock).Handle(new ListProjectCommitments(p), CancellationToken.None).AsTask());

        foreach (var i in Enumerable.Range(0, 29))
        {
            await FigureAsync(p, FigureKind.TaxPaid, 202601 + (i % 6), 1000 + i);
            await AddAsync(p, CommitmentMetrics.All[i % CommitmentMetrics.All.Count], CommitmentMetrics.All[i % CommitmentMetrics.All.Count].IsDate() ? null : 100 + i, Today.AddDays(i - 15));
        }

        var thirty = await CountAsync(db => new ListProjectCommitmentsHandler(db, _database.Clock).Handle(new ListProjectCommitments(p), CancellationToken.None).AsTask());

        Assert.Equal(one.Statements, thirty.Statements);
        Assert.Equal(2, one.Statements);
        Assert.Equal((1, 30), (one.Result.Count, thirty.Result.Count));
    }

    // ---- use cases ----

    [Fact]
    public async Task Only_the_owner_or_a_manager_adds_amends_or_removes_a_commitment()
    {
        var p = await NewProjectAsync();
        var added = await AddAsync(p, CommitmentMetric.AnnualOutput, 500_0000_00, Today.AddDays(30));

        As(_colleague, "colleague", Roles.Officer);
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => AddAsync(p, CommitmentMetric.AnnualTax, 1, Today));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => UpdateAsync(added, CommitmentMetric.AnnualOutput, 1, Today));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => RemoveAsync(added));

        As(_manager, "manager", Roles.Manager);
        var amended = await UpdateAsync(added, CommitmentMetric.AnnualOutput, 600_0000_00, Today.AddDays(60));
        Assert.Equal((600_0000_00L, Today.AddDays(60), added.Version + 1), (amended.Target, amended.CheckOn, amended.Version));
        await Assert.ThrowsAsync<ConflictException>(() => UpdateAsync(added, CommitmentMetric.AnnualOutput, 1, Today)); // stale version

        As(_owner, "owner", Roles.Officer);
        await RemoveAsync(amended);
        Assert.Empty(await ListAsync(p));
        await using var db = _database.NewContext();
        Assert.Equal(["Created", "Updated", "Deleted"], await db.AuditEntries.Where(a => a.EntityType == nameof(AgreementCommitment)).OrderBy(a => a.Id).Select(a => a.Action.ToString()).ToListAsync());
    }

    [Fact]
    public void The_validator_names_each_bad_field_with_a_catalogue_code()
    {
        var validator = new AddCommitmentValidator();
        var p = Guid.CreateVersion7();

        Assert.Equal([M.CommitmentTarget.Code], Codes(validator.Validate(new AddCommitment(p, CommitmentMetric.AnnualTax, 0, Today, null))));
        Assert.Equal([M.CommitmentTarget.Code], Codes(validator.Validate(new AddCommitment(p, CommitmentMetric.AnnualTax, null, Today, null))));
        Assert.Equal([M.CommitmentDateHasNoTarget.Code], Codes(validator.Validate(new AddCommitment(p, CommitmentMetric.ProductionStart, 5, Today, null))));
        Assert.Equal([M.CommitmentCheckOn.Code], Codes(validator.Validate(new AddCommitment(p, CommitmentMetric.ProductionStart, null, default, null))));
        Assert.Equal([M.CommitmentMetric.Code], Codes(validator.Validate(new AddCommitment(p, (CommitmentMetric)99, 5, Today, null))));
        Assert.Equal([M.CommitmentClause.Code], Codes(validator.Validate(new AddCommitment(p, CommitmentMetric.ProductionStart, null, Today, new string('x', 501)))));
        Assert.True(validator.Validate(new AddCommitment(p, CommitmentMetric.TaxPerMu, 80_0000_00, Today, "第八条")).IsValid);

        static string[] Codes(FluentValidation.Results.ValidationResult result) => [.. result.Errors.Select(e => e.ErrorCode)];
    }

    // ---- overview ----

    [Fact]
    public async Task The_overview_shows_missed_and_soon_due_ones_by_check_date_filtered_and_paged_in_a_fixed_number_of_statements()
    {
        var mine = await NewProjectAsync();
        var theirs = await NewProjectAsync(owner: _colleague);
        await FigureAsync(mine, FigureKind.TaxPaid, 202606, 100_0000_00);
        var missed = await AddAsync(mine, CommitmentMetric.AnnualOutput, 1, Today.AddDays(-3));
        await AddAsync(mine, CommitmentMetric.AnnualTax, 50_0000_00, Today.AddDays(-5)); // met: never listed
        var soon = await AddAsync(mine, CommitmentMetric.ProductionStart, null, Today.AddDays(20));
        await AddAsync(mine, CommitmentMetric.CapacityReached, null, Today.AddDays(200)); // beyond the window
        As(_manager, "manager", Roles.Manager);
        var theirsMissed = await AddAsync(theirs, CommitmentMetric.ConstructionStart, null, Today.AddDays(-40));

        var all = await OverviewAsync(new GetCommitmentOverview());
        Assert.Equal([theirsMissed.Id, missed.Id, soon.Id], all.Items.Select(i => i.Commitment.Id));
        Assert.Equal((3, 2, 1), (all.Total, all.Missed, all.DueSoon));
        Assert.Equal("colleague", all.Items[0].OwnerName);

        var onlyMine = await OverviewAsync(new GetCommitmentOverview(CommitmentView.Missed, OfficerId: _owner));
        Assert.Equal([missed.Id], onlyMine.Items.Select(i => i.Commitment.Id));
        var page2 = await OverviewAsync(new GetCommitmentOverview(Page: 2, PageSize: 2));
        Assert.Equal([soon.Id], page2.Items.Select(i => i.Commitment.Id));
        Assert.Empty((await OverviewAsync(new GetCommitmentOverview(SectorId: Guid.CreateVersion7()))).Items);
        Assert.Equal(2, (await OverviewAsync(new GetCommitmentOverview(CommitmentView.Attention, DueWithinDays: 0))).Total);

        var few = await CountAsync(db => new GetCommitmentOverviewHandler(db, new UserDirectory(db, _database.Clock), _database.Clock).Handle(new GetCommitmentOverview(), CancellationToken.None).AsTask());
        foreach (var i in Enumerable.Range(0, 25))
        {
            await AddAsync(i % 2 == 0 ? mine : theirs, CommitmentMetric.AnnualOutput, 1 + i, Today.AddDays(i - 12));
        }

        var many = await CountAsync(db => new GetCommitmentOverviewHandler(db, new UserDirectory(db, _database.Clock), _database.Clock).Handle(new GetCommitmentOverview(), CancellationToken.None).AsTask());
        Assert.Equal(few.Statements, many.Statements);
        Assert.Equal(28, many.Result.Total);
    }

    [Fact]
    public async Task The_export_writes_every_commitment_the_overview_shows_as_a_workbook()
    {
        var p = await NewProjectAsync();
        await AddAsync(p, CommitmentMetric.AnnualOutput, 2_0000_0000_00, Today.AddDays(-3), "第七条");
        await AddAsync(p, CommitmentMetric.ConstructionStart, null, Today.AddDays(5));
        using var stream = new MemoryStream();

        await using var db = _database.NewContext();
        var file = await new ExportCommitmentOverviewHandler(db, new UserDirectory(db, _database.Clock), _database.Clock)
            .Handle(new ExportCommitmentOverview(CommitmentView.Attention, null, null, 90, ExportFormat.Xlsx, stream), CancellationToken.None);

        stream.Position = 0;
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, file.Rows);
        Assert.Equal("协议承诺-2026-06-30.xlsx", file.FileName);
        Assert.Equal(["未达成", "未到期"], rows.Select(r => (string?)r["状态"]));
        Assert.Equal(20000m, Convert.ToDecimal(rows[0]["承诺目标"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["年产值", "开工"], rows.Select(r => (string?)r["承诺指标"]));
    }

    // ---- the daily check ----

    [Fact]
    public async Task A_missed_commitment_is_flagged_once_to_the_owner_and_each_manager_and_never_again()
    {
        var p = await NewProjectAsync();
        var missed = await AddAsync(p, CommitmentMetric.AnnualTax, 100_0000_00, Today.AddDays(-1));
        await AddAsync(p, CommitmentMetric.AnnualOutput, 100, Today); // due today: not yet
        await FigureAsync(p, FigureKind.FixedAssetInvestment, 202606, 100);
        await AddAsync(p, CommitmentMetric.CumulativeFixedAssetInvestment, 100, Today.AddDays(-1)); // met

        var first = await CheckAsync();
        var second = await CheckAsync();
        _database.Clock.Now = _database.Clock.Now.AddDays(1); // a new Kunshan day: the one due yesterday is missed now
        var nextDay = await CheckAsync();
        var again = await CheckAsync();

        Assert.Equal((3, 0, 3, 0), (first.Effects, second.Effects, nextDay.Effects, again.Effects));
        await using var db = _database.NewContext();
        var notices = await db.Notifications.Where(n => n.Kind == JobKinds.CommitmentMissed).ToListAsync();
        var forMissed = notices.Where(n => n.SubjectId == missed.Id).ToList();
        Assert.Equal(new[] { _owner, _manager, _checker }.Order(), forMissed.Select(n => n.UserId).Order());
        Assert.All(forMissed, n => Assert.Equal(M.JobCommitmentMissed.Code, n.TitleCode));
        var args = SaidJson.Read(forMissed[0].ArgsJson);
        Assert.Equal(new Bilingual("年税收", "Annual tax"), args["metric"]);
        Assert.Equal("2026-06-29", args["date"]);
        Assert.Contains("Annual tax", Messages.Render(M.JobCommitmentMissedBody.Code, args, System.Globalization.CultureInfo.GetCultureInfo("en-US")), StringComparison.Ordinal);
        Assert.Equal(6, await db.OutboxEmails.CountAsync());
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == "Job:" + JobNames.CommitmentCheck));
    }

    [Fact]
    public async Task A_commitment_met_by_a_late_verified_figure_is_not_flagged_and_a_flagged_one_stays_flagged_once()
    {
        var p = await NewProjectAsync();
        var late = await AddAsync(p, CommitmentMetric.AnnualTax, 100, Today.AddDays(-10));
        var flagged = await AddAsync(p, CommitmentMetric.AnnualOutput, 100, Today.AddDays(-10));

        // The figure for the window arrives and is verified before the check runs: met, never flagged.
        await FigureAsync(p, FigureKind.TaxPaid, 202605, 100);
        Assert.Equal(3, (await CheckAsync()).Effects);

        // The flagged one is met later: nothing more is said about either.
        await FigureAsync(p, FigureKind.IndustrialOutput, 202605, 100);
        _database.Clock.Now = _database.Clock.Now.AddDays(3);
        Assert.Equal(0, (await CheckAsync()).Effects);

        await using var db = _database.NewContext();
        Assert.Equal(0, await db.Notifications.CountAsync(n => n.SubjectId == late.Id));
        Assert.Equal(3, await db.Notifications.CountAsync(n => n.SubjectId == flagged.Id));
        Assert.Equal(CommitmentState.Met, (await ListAsync(p)).Single(c => c.Id == flagged.Id).State);
    }

    [Fact]
    public async Task Two_concurrent_checks_flag_each_commitment_once()
    {
        var p = await NewProjectAsync();
        foreach (var i in Enumerable.Range(1, 5))
        {
            await AddAsync(p, CommitmentMetric.AnnualOutput, 100 * i, Today.AddDays(-i));
        }

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => CheckAsync())));

        Assert.Equal(15, runs.Sum(r => r.Effects));
        await using var db = _database.NewContext();
        Assert.Equal(15, await db.Notifications.CountAsync(n => n.Kind == JobKinds.CommitmentMissed));
        Assert.Equal(15, await db.OutboxEmails.CountAsync());
    }

    [Fact]
    public async Task The_check_is_a_fixed_number_of_statements_whatever_the_number_of_commitments()
    {
        var p = await NewProjectAsync();
        await AddAsync(p, CommitmentMetric.AnnualOutput, 100, Today.AddDays(-1));
        var few = await CountAsync(db => Check(db));

        _database.Clock.Now = _database.Clock.Now.AddDays(1);
        foreach (var i in Enumerable.Range(0, 40))
        {
            await AddAsync(p, CommitmentMetric.AnnualOutput, 100 + i, Today.AddDays(-1 - (i % 7)));
        }

        var many = await CountAsync(db => Check(db));

        Assert.Equal(few.Statements, many.Statements);
        Assert.Equal((3, 120), (few.Result.Effects, many.Result.Effects));
    }

    // ---- helpers ----

    private void As(Guid id, string name, string role)
    {
        _database.User = new TestUser { Id = id, UserName = name };
        _database.User.Roles.Add(role);
    }

    private async Task<Guid> NewProjectAsync(double? pledgedMu = null, Guid? owner = null)
    {
        await using var db = _database.NewContext();
        var code = $"KC-{Guid.NewGuid():N}"[..InvestmentProject.CodeMaxLength];
        var project = new InvestmentProject(code, $"承诺测试 {code}", SourceChannel.WalkIn, owner ?? _owner, _database.Clock.GetUtcNow().UtcDateTime.AddDays(-400));
        project.Pledge(null, null, null, null, null, pledgedMu);
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    }

    private async Task FigureAsync(Guid project, FigureKind kind, int period, long value, bool verify = true, bool reject = false)
    {
        await using var db = _database.NewContext();
        var entry = new FigureEntry(project, kind, period, value, kind.IsMoney() ? "CNY" : null, value, null, null, _owner, _database.Clock.GetUtcNow().UtcDateTime);
        if (reject)
        {
            entry.Reject(_checker, "凭证不符", _database.Clock.GetUtcNow().UtcDateTime);
        }
        else if (verify)
        {
            entry.Verify(_checker, _database.Clock.GetUtcNow().UtcDateTime);
        }

        db.FigureEntries.Add(entry);
        await db.SaveChangesAsync();
    }

    private async Task MilestoneAsync(Guid project, MilestoneKind kind, DateOnly on, double? mu = null)
    {
        await using var db = _database.NewContext();
        var milestone = new ProjectMilestone(project, kind, _owner, _database.Clock.GetUtcNow().UtcDateTime);
        milestone.Reach(on, _owner, _database.Clock.GetUtcNow().UtcDateTime);
        milestone.Describe(null, mu, null, null, null);
        db.Milestones.Add(milestone);
        await db.SaveChangesAsync();
    }

    private async Task<CommitmentDto> AddAsync(Guid project, CommitmentMetric metric, long? target, DateOnly checkOn, string? clause = null)
    {
        await using var db = _database.NewContext();
        return await new AddCommitmentHandler(db, _database.User, _database.Clock).Handle(new AddCommitment(project, metric, target, checkOn, clause), CancellationToken.None);
    }

    private async Task<CommitmentDto> UpdateAsync(CommitmentDto c, CommitmentMetric metric, long? target, DateOnly checkOn)
    {
        await using var db = _database.NewContext();
        return await new UpdateCommitmentHandler(db, _database.User, _database.Clock).Handle(new UpdateCommitment(c.Id, c.Version, metric, target, checkOn, c.Clause), CancellationToken.None);
    }

    private async Task RemoveAsync(CommitmentDto c)
    {
        await using var db = _database.NewContext();
        await new RemoveCommitmentHandler(db, _database.User).Handle(new RemoveCommitment(c.Id, c.Version), CancellationToken.None);
    }

    private async Task<IReadOnlyList<CommitmentDto>> ListAsync(Guid project)
    {
        await using var db = _database.NewContext();
        return await new ListProjectCommitmentsHandler(db, _database.Clock).Handle(new ListProjectCommitments(project), CancellationToken.None);
    }

    private async Task<CommitmentOverview> OverviewAsync(GetCommitmentOverview query)
    {
        await using var db = _database.NewContext();
        return await new GetCommitmentOverviewHandler(db, new UserDirectory(db, _database.Clock), _database.Clock).Handle(query, CancellationToken.None);
    }

    private Task<JobResult> Check(AppDbContext db) =>
        new CheckCommitmentsHandler(db, new JobSql(db, _database.Dialect), _database.Clock).Handle(new CheckCommitments(), CancellationToken.None).AsTask();

    private async Task<JobResult> CheckAsync()
    {
        await using var db = _database.NewContext();
        return await Check(db);
    }

    private async Task<(int Statements, T Result)> CountAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        var counter = new EveryStatement();
        await using var db = _database.NewContext(counter);
        var result = await action(db);
        return (counter.Count, result);
    }

    /// <summary>Counts every command sent (queries, updates and inserts alike).</summary>
    private sealed class EveryStatement : DbCommandInterceptor
    {
        private int _count;

        public int Count => _count;

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }
    }
}
