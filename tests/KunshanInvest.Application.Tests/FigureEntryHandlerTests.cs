using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Figures;
using KunshanInvest.Application.Figures.CorrectFigure;
using KunshanInvest.Application.Figures.ListFiguresAwaitingVerification;
using KunshanInvest.Application.Figures.ListProjectFigures;
using KunshanInvest.Application.Figures.RecordFigure;
using KunshanInvest.Application.Figures.RejectFigure;
using KunshanInvest.Application.Figures.VerifyFigure;
using KunshanInvest.Application.Portal;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Rates;
using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Infrastructure.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting.Internal;
using Roles = KunshanInvest.Application.Common.Security.Roles;

namespace KunshanInvest.Application.Tests;

/// <summary>Figure entries through their handlers on a real database of each provider (the clock stands at 30 June 2026).</summary>
public abstract class FigureEntryHandlerTests(DatabaseProvider provider)
{
    private sealed record World(TestDatabase Database, Guid Officer, Guid Colleague, Guid Manager, Guid Manager2, Guid Project, IAttachmentStore Store) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    private async Task<World> WorldAsync()
    {
        var database = await TestDatabase.CreateAsync(provider);
        var officer = await database.AddStaffAsync("officer", Roles.Officer);
        var colleague = await database.AddStaffAsync("colleague", Roles.Officer);
        var manager = await database.AddStaffAsync("manager", Roles.Manager);
        var manager2 = await database.AddStaffAsync("manager2", Roles.Manager);
        var project = await database.AddProjectAsync($"KF-{Guid.NewGuid():N}"[..12], officer);
        await using (var db = database.NewContext())
        {
            db.ExchangeRates.AddRange(new ExchangeRate(2025, "EUR", 7_850_000), new ExchangeRate(2026, "USD", 7_120_000), new ExchangeRate(2025, "USD", 7_180_000));
            await db.SaveChangesAsync();
        }

        var folder = Directory.CreateTempSubdirectory("ki-fig-").FullName;
        var store = new FileAttachmentStore(new DatabaseOptions { DataDirectory = folder }, new HostingEnvironment { ContentRootPath = folder });
        return new World(database, officer, colleague, manager, manager2, project, store);
    }

    private static void As(World w, Guid id, string role)
    {
        var user = TestUser.As(id.ToString("N")[..8], role);
        user.Id = id;
        w.Database.User = user;
    }

    private static async Task<FigureRecorded> RecordAsync(World w, RecordFigure command)
    {
        await using var db = w.Database.NewContext();
        return await new RecordFigureHandler(db, w.Database.User, w.Store, w.Database.Clock).Handle(command, CancellationToken.None);
    }

    private static async Task<FigureChecked> VerifyAsync(World w, Guid id, int version)
    {
        await using var db = w.Database.NewContext();
        return await new VerifyFigureHandler(db, w.Database.User, w.Database.Clock).Handle(new VerifyFigure(id, version), CancellationToken.None);
    }

    private static async Task<FigureRecorded> CorrectAsync(World w, CorrectFigure command)
    {
        await using var db = w.Database.NewContext();
        return await new CorrectFigureHandler(db, w.Database.User, w.Store, w.Database.Clock).Handle(command, CancellationToken.None);
    }

    private static async Task<ProjectFigures> ListAsync(World w)
    {
        await using var db = w.Database.NewContext();
        return await new ListProjectFiguresHandler(db, new UserDirectory(db, w.Database.Clock)).Handle(new ListProjectFigures(w.Project), CancellationToken.None);
    }

    private static async Task<int> CountAsync(World w)
    {
        await using var db = w.Database.NewContext();
        return await db.FigureEntries.CountAsync(f => f.ProjectId == w.Project);
    }

    [Fact]
    public async Task Money_is_converted_at_the_rate_of_the_period_year_exactly()
    {
        await using var w = await WorldAsync();
        As(w, w.Officer, Roles.Officer);

        var euros = await RecordAsync(w, new RecordFigure(w.Project, FigureKind.FundsInPlace, 202505, 1_000_000_00, "EUR", 400_000_00, "首期", EvidenceType.BankReceipt, new UploadedFile("回单.pdf", "%PDF-1.7 receipt"u8.ToArray())));
        var yuanAsDollars = await RecordAsync(w, new RecordFigure(w.Project, FigureKind.ForeignCapitalUsed, 202603, 7_120_000_00, "CNY", null, null));
        var dollars = await RecordAsync(w, new RecordFigure(w.Project, FigureKind.ForeignCapitalUsed, 202604, 5_000_00, "USD", null, null));

        Assert.Equal(7_850_000_00, euros.Value);
        Assert.Equal(1_000_000_00, yuanAsDollars.Value);
        Assert.Equal(5_000_00, dollars.Value);
        await using var db = w.Database.NewContext();
        var stored = await db.FigureEntries.SingleAsync(f => f.Id == euros.Id);
        Assert.Equal((3_140_000_00L, "回单.pdf", FigureStatus.Pending), (stored.ForeignPartFen!.Value, stored.EvidenceFileName, stored.Status));
        await using var file = w.Store.OpenRead(stored.EvidenceStoredName!);
        Assert.Equal(16, file.Length);
    }

    [Fact]
    public async Task A_currency_without_a_rate_for_that_year_is_named_with_the_year_and_nothing_is_saved()
    {
        await using var w = await WorldAsync();
        As(w, w.Officer, Roles.Officer);

        // EUR has a 2025 rate only; a 2026 figure must not borrow it.
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => RecordAsync(w, new RecordFigure(w.Project, FigureKind.FundsInPlace, 202602, 100_00, "EUR", null, null)));
        var noUsd = await Assert.ThrowsAsync<DomainRuleException>(() => RecordAsync(w, new RecordFigure(w.Project, FigureKind.ForeignCapitalUsed, 202402, 100_00, "CNY", null, null)));

        Assert.Equal(("figure.rate_missing", "EUR", 2026), (ex.Code, ex.Args["currency"], ex.Args["year"]));
        Assert.Equal(("USD", 2024), (noUsd.Args["currency"], noUsd.Args["year"]));
        Assert.Contains("EUR", Common.Messages.Messages.Text(ex, System.Globalization.CultureInfo.GetCultureInfo("en-US")), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(w));
    }

    [Fact]
    public async Task Another_officers_project_is_403_and_a_future_month_422()
    {
        await using var w = await WorldAsync();
        As(w, w.Colleague, Roles.Officer);
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => RecordAsync(w, new RecordFigure(w.Project, FigureKind.TaxPaid, 202605, 100_00, "CNY", null, null)));

        As(w, w.Officer, Roles.Officer);
        var future = await Assert.ThrowsAsync<DomainRuleException>(() => RecordAsync(w, new RecordFigure(w.Project, FigureKind.TaxPaid, 202607, 100_00, "CNY", null, null)));
        Assert.Equal("figure.period_future", future.Code);
        Assert.Equal(0, await CountAsync(w));
    }

    [Fact]
    public async Task Maker_checker_own_entry_is_403_another_managers_check_verifies_and_a_second_check_is_409()
    {
        await using var w = await WorldAsync();
        As(w, w.Manager, Roles.Manager);
        var mine = await RecordAsync(w, new RecordFigure(w.Project, FigureKind.TaxPaid, 202605, 300_000_00, "CNY", null, null));

        await Assert.ThrowsAsync<DomainForbiddenException>(() => VerifyAsync(w, mine.Id, mine.Version));
        As(w, w.Manager2, Roles.Manager);
        var verified = await VerifyAsync(w, mine.Id, mine.Version);
        var again = await Assert.ThrowsAsync<DomainConflictException>(() => VerifyAsync(w, mine.Id, verified.Version));
        await Assert.ThrowsAsync<ConflictException>(() => VerifyAsync(w, mine.Id, mine.Version));

        Assert.Equal(FigureStatus.Verified, verified.Status);
        Assert.Equal("figure.not_pending", again.Code);
        var listed = Assert.Single((await ListAsync(w)).Entries);
        Assert.Equal(("manager", "manager2"), (listed.EnteredByName, listed.CheckedByName));
    }

    [Fact]
    public async Task A_verified_correction_supersedes_in_the_same_save_and_a_superseded_entry_cannot_be_corrected_again()
    {
        await using var w = await WorldAsync();
        As(w, w.Officer, Roles.Officer);
        var first = await RecordAsync(w, new RecordFigure(w.Project, FigureKind.FundsInPlace, 202604, 5_000_000_00, "CNY", null, null));
        As(w, w.Manager, Roles.Manager);
        var checkedFirst = await VerifyAsync(w, first.Id, first.Version);

        As(w, w.Officer, Roles.Officer);
        var correction = await CorrectAsync(w, new CorrectFigure(first.Id, checkedFirst.Version, 4_000_000_00, "CNY", null, "回单金额有误"));
        var open = await Assert.ThrowsAsync<DomainConflictException>(() => CorrectAsync(w, new CorrectFigure(first.Id, checkedFirst.Version, 3_000_000_00, "CNY", null, null)));
        Assert.Equal("figure.correction_open", open.Code);
        await using (var db = w.Database.NewContext())
        {
            Assert.Equal(5_000_000_00, (await VerifiedFigures.RealisedAsync(db, w.Project, 2026, CancellationToken.None)).FundsInPlaceFen);
        }

        As(w, w.Manager, Roles.Manager);
        var done = await VerifyAsync(w, correction.Id, correction.Version);

        Assert.Equal(first.Id, done.SupersededId);
        var entries = (await ListAsync(w)).Entries;
        var old = entries.Single(e => e.Id == first.Id);
        Assert.Equal((FigureStatus.Superseded, correction.Id), (old.Status, old.SupersededById));
        As(w, w.Officer, Roles.Officer);
        var twice = await Assert.ThrowsAsync<DomainConflictException>(() => CorrectAsync(w, new CorrectFigure(first.Id, old.Version, 1_00, "CNY", null, null)));
        Assert.Equal("figure.already_superseded", twice.Code);
        await using (var db = w.Database.NewContext())
        {
            Assert.Equal(4_000_000_00, (await VerifiedFigures.RealisedAsync(db, w.Project, 2026, CancellationToken.None)).FundsInPlaceFen);
        }
    }

    [Fact]
    public async Task Totals_per_year_and_quarter_count_verified_entries_only_and_headcount_is_the_latest_month()
    {
        await using var w = await WorldAsync();
        As(w, w.Officer, Roles.Officer);
        var made = new List<FigureRecorded>
        {
            await RecordAsync(w, new RecordFigure(w.Project, FigureKind.TaxPaid, 202501, 100_00, "CNY", null, null)),
            await RecordAsync(w, new RecordFigure(w.Project, FigureKind.TaxPaid, 202503, 200_00, "CNY", null, null)),
            await RecordAsync(w, new RecordFigure(w.Project, FigureKind.TaxPaid, 202511, 400_00, "CNY", null, null)),
            await RecordAsync(w, new RecordFigure(w.Project, FigureKind.Jobs, 202504, 80, null, null, null)),
            await RecordAsync(w, new RecordFigure(w.Project, FigureKind.Jobs, 202506, 95, null, null, null)),
        };
        var rejected = await RecordAsync(w, new RecordFigure(w.Project, FigureKind.TaxPaid, 202502, 9_999_00, "CNY", null, null));
        var pending = await RecordAsync(w, new RecordFigure(w.Project, FigureKind.TaxPaid, 202512, 8_888_00, "CNY", null, null));
        As(w, w.Manager, Roles.Manager);
        foreach (var entry in made)
        {
            await VerifyAsync(w, entry.Id, entry.Version);
        }

        await using (var db = w.Database.NewContext())
        {
            await new RejectFigureHandler(db, w.Database.User, w.Database.Clock).Handle(new RejectFigure(rejected.Id, rejected.Version, "重复填报"), CancellationToken.None);
        }

        var figures = await ListAsync(w);

        long Total(FigureKind kind, int year, int? quarter) => figures.Totals.Single(t => t.Kind == kind && t.Year == year && t.Quarter == quarter).Value;
        Assert.Equal(700_00, Total(FigureKind.TaxPaid, 2025, null));
        Assert.Equal(300_00, Total(FigureKind.TaxPaid, 2025, 1));
        Assert.Equal(400_00, Total(FigureKind.TaxPaid, 2025, 4));
        Assert.Equal(95, Total(FigureKind.Jobs, 2025, null));
        Assert.Equal(95, Total(FigureKind.Jobs, 2025, 2));
        Assert.Equal(7, figures.Entries.Count);
        Assert.Equal(FigureStatus.Pending, figures.Entries.Single(e => e.Id == pending.Id).Status);
        Assert.Equal("重复填报", figures.Entries.Single(e => e.Id == rejected.Id).RejectedReason);
    }

    [Fact]
    public async Task The_managers_queue_holds_others_pending_entries_oldest_first_and_pages()
    {
        await using var w = await WorldAsync();
        As(w, w.Officer, Roles.Officer);
        var a = await RecordAsync(w, new RecordFigure(w.Project, FigureKind.TaxPaid, 202601, 1_00, "CNY", null, null));
        w.Database.Clock.Now = w.Database.Clock.Now.AddMinutes(1);
        var b = await RecordAsync(w, new RecordFigure(w.Project, FigureKind.TaxPaid, 202602, 2_00, "CNY", null, null));
        As(w, w.Manager, Roles.Manager);
        w.Database.Clock.Now = w.Database.Clock.Now.AddMinutes(1);
        var own = await RecordAsync(w, new RecordFigure(w.Project, FigureKind.TaxPaid, 202603, 3_00, "CNY", null, null));

        await using var db = w.Database.NewContext();
        var handler = new ListFiguresAwaitingVerificationHandler(db, w.Database.User, new UserDirectory(db, w.Database.Clock));
        var first = await handler.Handle(new ListFiguresAwaitingVerification(1, 1), CancellationToken.None);
        var second = await handler.Handle(new ListFiguresAwaitingVerification(2, 1), CancellationToken.None);

        Assert.Equal(2, first.Total);
        Assert.Equal([a.Id], first.Items.Select(i => i.Id));
        Assert.Equal([b.Id], second.Items.Select(i => i.Id));
        Assert.DoesNotContain(own.Id, first.Items.Concat(second.Items).Select(i => i.Id));
    }
}

public sealed class SqliteFigureEntryHandlerTests() : FigureEntryHandlerTests(DatabaseProvider.Sqlite);

public sealed class PostgresFigureEntryHandlerTests() : FigureEntryHandlerTests(DatabaseProvider.PostgreSql);
