using System.Data.Common;
using FluentValidation;
using KunshanInvest.Application.Carriers;
using KunshanInvest.Application.Carriers.CreateParcel;
using KunshanInvest.Application.Carriers.CreatePremises;
using KunshanInvest.Application.Carriers.GetCarrierOverview;
using KunshanInvest.Application.Carriers.GetParcel;
using KunshanInvest.Application.Carriers.ImportCarriers;
using KunshanInvest.Application.Carriers.ListParcels;
using KunshanInvest.Application.Carriers.ListPremises;
using KunshanInvest.Application.Carriers.SetParcelStatus;
using KunshanInvest.Application.Carriers.UpdateParcel;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Projects.ImportLedger;
using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Parks;
using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MiniExcelLibs;
using C = KunshanInvest.Application.Carriers.ImportCarriers.CarrierColumns;

namespace KunshanInvest.Application.Tests;

/// <summary>
/// The carrier register through its handlers on a real database of each provider: writes with their history lines,
/// filters and paging in SQL with statement counts fixed as rows grow, the overview's sums checked by hand, and the
/// workbook import (per-row errors in both languages, all or nothing, upsert).
/// </summary>
public abstract class CarrierRegisterTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Guid _admin;
    private Guid _parkA;
    private Guid _parkB;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        _admin = await _db.AddStaffAsync("admin", Roles.Admin);
        var user = TestUser.As("admin", Roles.Admin);
        user.Id = _admin;
        _db.User = user;
        await using var db = _db.NewContext();
        var a = new Park("zone-a", "甲园区", "Park A", null);
        var b = new Park("zone-b", "乙园区", "Park B", null);
        db.Parks.AddRange(a, b);
        await db.SaveChangesAsync();
        (_parkA, _parkB) = (a.Id, b.Id);
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    // ---- writes ----

    [Fact]
    public async Task Creating_a_parcel_writes_its_created_line_and_its_audit_and_a_taken_code_is_a_conflict()
    {
        var parcel = await CreateParcelAsync("KS-001", _parkA, 45, CarrierUse.Industrial, ParcelStatus.Available, 50_0000_00);

        Assert.Equal(("KS-001", "甲园区", 45d, 50_0000_00L), (parcel.Code, parcel.ParkNameZh, parcel.AreaMu, parcel.GuidePriceFenPerMu!.Value));
        await Assert.ThrowsAsync<ConflictException>(() => CreateParcelAsync(" KS-001 ", _parkB, 10, CarrierUse.Research, ParcelStatus.Reserve, null));

        await using var db = _db.NewContext();
        var history = await db.CarrierEvents.Where(e => e.CarrierId == parcel.Id).ToListAsync();
        Assert.Equal([CarrierEventKind.Created], history.Select(e => e.Kind));
        Assert.Equal(_admin, history[0].ByUserId);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(LandParcel) && e.EntityId == parcel.Id.ToString()));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(CarrierEvent)));
        Assert.Equal(1, await db.LandParcels.CountAsync());
    }

    [Fact]
    public async Task An_unknown_park_is_a_field_error_and_lengths_are_checked_first()
    {
        var unknown = await Assert.ThrowsAsync<ValidationException>(() => CreateParcelAsync("KS-009", Guid.CreateVersion7(), 5, CarrierUse.Industrial, ParcelStatus.Available, null));
        Assert.Equal("parkId", unknown.Errors.Single().PropertyName);

        var validator = new CreateParcelValidator();
        var result = validator.Validate(new CreateParcel(new string('码', 41), _parkA, double.NaN, (CarrierUse)9, ParcelStatus.Available, -1, new string('注', 1001)));
        Assert.Equal(["Code", "Note", "AreaMu", "Use", "GuidePriceFenPerMu"], result.Errors.Select(e => e.PropertyName));
        Assert.Equal(["carrier.code", "carrier.area", "carrier.use", "carrier.price"], result.Errors.Where(e => e.ErrorCode.StartsWith("carrier.", StringComparison.Ordinal)).Select(e => e.ErrorCode));
    }

    [Fact]
    public async Task Status_changes_are_history_lines_a_stale_version_is_refused_and_a_supplied_parcel_stays_sold()
    {
        var parcel = await CreateParcelAsync("KS-002", _parkA, 30, CarrierUse.Industrial, ParcelStatus.Reserve, null);
        _db.Clock.Now = _db.Clock.Now.AddSeconds(1);
        var available = await SendAsync(db => new SetParcelStatusHandler(db, _db.User, _db.Clock).Handle(new SetParcelStatus(parcel.Id, parcel.Version, ParcelStatus.Available, "规划调整"), default).AsTask());
        Assert.Equal(ParcelStatus.Available, available.Status);
        await Assert.ThrowsAsync<ConflictException>(() => SendAsync(db => new SetParcelStatusHandler(db, _db.User, _db.Clock).Handle(new SetParcelStatus(parcel.Id, parcel.Version, ParcelStatus.Reserve, null), default).AsTask()));

        var project = await _db.AddProjectAsync("KC-1", _admin);
        await using (var db = _db.NewContext())
        {
            var tracked = await db.LandParcels.SingleAsync(p => p.Id == parcel.Id);
            db.CarrierEvents.Add(tracked.Supply(project, _admin, _db.Clock.Now.UtcDateTime.AddMinutes(1)));
            await db.SaveChangesAsync();
        }

        var sold = await PageAsync(parcel.Id);
        await Assert.ThrowsAsync<KunshanInvest.Domain.Common.DomainConflictException>(() =>
            SendAsync(db => new SetParcelStatusHandler(db, _db.User, _db.Clock).Handle(new SetParcelStatus(parcel.Id, sold.Parcel.Version, ParcelStatus.Available, null), default).AsTask()));

        Assert.Equal(ParcelStatus.Sold, sold.Parcel.Status);
        Assert.Equal("项目 KC-1", sold.Parcel.SuppliedToProjectName);
        Assert.Equal([CarrierEventKind.Supplied, CarrierEventKind.StatusChanged, CarrierEventKind.Created], sold.History.Select(h => h.Kind));
        Assert.Equal(("KC-1", "项目 KC-1"), (sold.History[0].ProjectCode, sold.History[0].ProjectName));
        Assert.True(CarrierStatusNote.TryParse(sold.History[1].Note, out var from, out var to, out var reason));
        Assert.Equal((ParcelStatus.Reserve, ParcelStatus.Available, "规划调整"), (from, to, reason));
    }

    [Fact]
    public async Task Editing_recodes_and_describes_the_parcel_with_an_updated_line()
    {
        var parcel = await CreateParcelAsync("KS-003", _parkA, 30, CarrierUse.Industrial, ParcelStatus.Available, null);
        await CreateParcelAsync("KS-004", _parkA, 30, CarrierUse.Industrial, ParcelStatus.Available, null);
        await Assert.ThrowsAsync<ConflictException>(() => SendAsync(db => new UpdateParcelHandler(db, _db.User, _db.Clock).Handle(
            new UpdateParcel(parcel.Id, parcel.Version, "KS-004", _parkA, 30, CarrierUse.Industrial, null, null), default).AsTask()));

        _db.Clock.Now = _db.Clock.Now.AddSeconds(1);
        var edited = await SendAsync(db => new UpdateParcelHandler(db, _db.User, _db.Clock).Handle(
            new UpdateParcel(parcel.Id, parcel.Version, "KS-003A", _parkB, 52.5, CarrierUse.Research, 80_0000_00, "东至规划路"), default).AsTask());

        Assert.Equal(("KS-003A", _parkB, 52.5, CarrierUse.Research, "东至规划路"), (edited.Code, edited.ParkId, edited.AreaMu, edited.Use, edited.Note));
        Assert.Equal(parcel.Version + 1, edited.Version);
        Assert.Equal([CarrierEventKind.Updated, CarrierEventKind.Created], (await PageAsync(parcel.Id)).History.Select(h => h.Kind));
    }

    // ---- reads ----

    [Fact]
    public async Task Parcel_list_filters_sorts_and_pages_in_sql_in_two_statements_for_five_rows_as_for_sixty()
    {
        await SeedParcelsAsync(5, "P");
        var five = await CountAsync(db => new ListParcelsHandler(db).Handle(new ListParcels(PageSize: 3), default).AsTask());
        await SeedParcelsAsync(55, "Q");
        var sixty = await CountAsync(db => new ListParcelsHandler(db).Handle(new ListParcels(PageSize: 3), default).AsTask());
        Assert.Equal((2, 2), (five.Statements, sixty.Statements));
        Assert.Equal((5, 60), (five.Result.Total, sixty.Result.Total));

        // Industrial, available, park A, 40–60 亩, largest first, second page of two.
        var filtered = await SendAsync(db => new ListParcelsHandler(db).Handle(
            new ListParcels(_parkA, CarrierUse.Industrial, ParcelStatus.Available, 40, 60, null, ParcelSort.Area, Descending: true, Page: 2, PageSize: 2), default).AsTask());
        await using var check = _db.NewContext();
        var expected = (await check.LandParcels.Where(p => p.ParkId == _parkA && p.Use == CarrierUse.Industrial && p.Status == ParcelStatus.Available).ToListAsync())
            .Where(p => p.AreaMu is >= 40 and <= 60).OrderByDescending(p => p.AreaMu).ThenBy(p => p.Code).ToList();
        Assert.True(expected.Count > 4);
        Assert.Equal(expected.Count, filtered.Total);
        Assert.Equal(expected.Skip(2).Take(2).Select(p => p.Code), filtered.Items.Select(p => p.Code));
        Assert.All(filtered.Items, p => Assert.Equal("甲园区", p.ParkNameZh));
    }

    [Fact]
    public async Task Premises_list_filters_vacancy_and_kind_in_two_statements()
    {
        await SendAsync(db => new CreatePremisesHandler(db, _db.User, _db.Clock).Handle(new CreatePremises(_parkA, "A1 栋", PremisesKind.StandardFactory, 5000, 1200, 8, 2, 25_00, null), default).AsTask());
        await SendAsync(db => new CreatePremisesHandler(db, _db.User, _db.Clock).Handle(new CreatePremises(_parkA, "A2 栋", PremisesKind.StandardFactory, 3000, 0, 8, 2, 25_00, null), default).AsTask());
        await SendAsync(db => new CreatePremisesHandler(db, _db.User, _db.Clock).Handle(new CreatePremises(_parkB, "B 座 5 层", PremisesKind.Office, 1500, 1500, null, 1, 60_00, null), default).AsTask());
        await Assert.ThrowsAsync<ConflictException>(() => SendAsync(db => new CreatePremisesHandler(db, _db.User, _db.Clock).Handle(new CreatePremises(_parkA, "A1 栋", PremisesKind.Office, 10, 0, null, 1, null, null), default).AsTask()));

        var vacant = await CountAsync(db => new ListPremisesHandler(db).Handle(new ListPremises(MinVacantM2: 1, Sort: PremisesSort.Vacant, Descending: true), default).AsTask());
        Assert.Equal(2, vacant.Statements);
        Assert.Equal(["B 座 5 层", "A1 栋"], vacant.Result.Items.Select(p => p.Building));
        var factories = await SendAsync(db => new ListPremisesHandler(db).Handle(new ListPremises(Kind: PremisesKind.StandardFactory, MaxM2: 4000), default).AsTask());
        Assert.Equal(["A2 栋"], factories.Items.Select(p => p.Building));
    }

    [Fact]
    public async Task Overview_sums_available_mu_free_and_reserved_apart_and_vacant_m2_by_park_in_three_statements()
    {
        var project = await _db.AddProjectAsync("KC-2", _admin);
        await CreateParcelAsync("OV-1", _parkA, 45, CarrierUse.Industrial, ParcelStatus.Available, null);
        await CreateParcelAsync("OV-2", _parkA, 12.5, CarrierUse.Industrial, ParcelStatus.Available, null);
        var held = await CreateParcelAsync("OV-3", _parkA, 30, CarrierUse.Industrial, ParcelStatus.Available, null);
        await CreateParcelAsync("OV-4", _parkA, 20, CarrierUse.Research, ParcelStatus.Available, null);
        await CreateParcelAsync("OV-5", _parkA, 99, CarrierUse.Industrial, ParcelStatus.Reserve, null); // 储备: not offered
        await CreateParcelAsync("OV-6", _parkB, 8, CarrierUse.Commercial, ParcelStatus.Available, null);
        await CreateParcelAsync("OV-7", _parkB, 70, CarrierUse.Commercial, ParcelStatus.Sold, null); // 已出让: gone
        await using (var db = _db.NewContext())
        {
            var tracked = await db.LandParcels.SingleAsync(p => p.Id == held.Id);
            db.CarrierEvents.Add(tracked.Reserve(project, _admin, _db.Clock.Now.UtcDateTime));
            db.Premises.Add(new Premises(_parkA, "F1", PremisesKind.StandardFactory, 4000, 1000, 10, 1, null, null));
            db.Premises.Add(new Premises(_parkA, "F2", PremisesKind.StandardFactory, 4000, 500, 10, 1, null, null));
            db.Premises.Add(new Premises(_parkA, "F3", PremisesKind.StandardFactory, 4000, 0, 10, 1, null, null)); // full
            db.Premises.Add(new Premises(_parkB, "O1", PremisesKind.Office, 900, 300, null, 12, null, null));
            await db.SaveChangesAsync();
        }

        var (statements, overview) = await CountAsync(db => new GetCarrierOverviewHandler(db).Handle(new GetCarrierOverview(), default).AsTask());

        Assert.Equal(3, statements);
        Assert.Equal(
            [("甲园区", CarrierUse.Industrial, 2, 57.5, 30d), ("甲园区", CarrierUse.Research, 1, 20d, 0d), ("乙园区", CarrierUse.Commercial, 1, 8d, 0d)],
            overview.Land.Select(l => (l.ParkNameZh, l.Use, l.Parcels + (l.ReservedMu > 0 ? -1 : 0), l.FreeMu, l.ReservedMu)));
        Assert.Equal([("甲园区", PremisesKind.StandardFactory, 2, 1500d), ("乙园区", PremisesKind.Office, 1, 300d)], overview.Space.Select(s => (s.ParkNameZh, s.Kind, s.Premises, s.FreeM2)));
        Assert.Equal((85.5, 30d, 1800d), (overview.FreeMu, overview.ReservedMu, overview.FreeM2));
    }

    [Fact]
    public async Task A_parcels_page_takes_two_statements_whatever_its_history()
    {
        var parcel = await CreateParcelAsync("HP-1", _parkA, 10, CarrierUse.Industrial, ParcelStatus.Available, null);
        var one = await CountAsync(db => new GetParcelHandler(db).Handle(new GetParcel(parcel.Id), default).AsTask());
        var version = parcel.Version;
        foreach (var status in new[] { ParcelStatus.Reserve, ParcelStatus.Available, ParcelStatus.Reserve, ParcelStatus.Available })
        {
            version = (await SendAsync(db => new SetParcelStatusHandler(db, _db.User, _db.Clock).Handle(new SetParcelStatus(parcel.Id, version, status, null), default).AsTask())).Version;
        }

        var five = await CountAsync(db => new GetParcelHandler(db).Handle(new GetParcel(parcel.Id), default).AsTask());
        Assert.Equal((2, 2), (one.Statements, five.Statements));
        Assert.Equal((1, 5), (one.Result.History.Count, five.Result.History.Count));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(db => new GetParcelHandler(db).Handle(new GetParcel(Guid.CreateVersion7()), default).AsTask()));
    }

    // ---- import ----

    [Fact]
    public async Task Preview_lists_each_rows_errors_in_both_languages_and_the_import_saves_nothing_when_any_row_fails()
    {
        var file = Workbook(
            [
                Parcel("IM-1", "zone-a", 45, "工业", "可供", 50),
                Parcel("IM-2", "不存在园区", 10, "工业", null, null),
                Parcel("IM-3", "乙园区", -4, "农业", "拍卖", null),
                Parcel("IM-1", "Park B", 5, "研发", null, null),
            ],
            [
                Premises("甲园区", "A1 栋", "标准厂房", 5000, 6000, 8, 2, 25),
                Premises("zone-b", "B 座", "办公", 900, 300, null, 12.5, 60),
                Premises("zone-b", "C 座", "办公", 900, 300, null, 12, 60),
            ]);

        var preview = await SendAsync(db => new PreviewCarrierImportHandler(db, _db.Clock).Handle(new PreviewCarrierImport(file, "载体.xlsx"), default).AsTask());

        Assert.Equal((7, 6), (preview.Rows, preview.RowsWithErrors));
        Assert.Equal(LedgerAction.Create, preview.Items.Single(i => i.Sheet == C.PremisesSheet && i.Row == 4).Action);
        Assert.Equal(["carrier_import.twice"], Codes(preview, C.ParcelSheet, 2));
        Assert.Equal(["carrier.park_unknown"], Codes(preview, C.ParcelSheet, 3));
        Assert.Equal(["carrier_import.number", "carrier_import.use", "carrier_import.status"], Codes(preview, C.ParcelSheet, 4));
        Assert.Equal(["carrier_import.twice"], Codes(preview, C.ParcelSheet, 5));
        Assert.Equal(["carrier.area"], Codes(preview, C.PremisesSheet, 2));
        Assert.Equal(["carrier_import.whole"], Codes(preview, C.PremisesSheet, 3));
        var park = preview.Items.Single(i => i.Sheet == C.ParcelSheet && i.Row == 3).Errors.Single();
        Assert.Equal((C.Park, "找不到园区“不存在园区”:请填写园区代码或中文名。", "No park '不存在园区': enter the park's code or Chinese name."), (park.Column, park.Zh, park.En));

        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(db => new ImportCarriersHandler(db, _db.User, _db.Clock).Handle(new ImportCarriers(file, "载体.xlsx"), default).AsTask()));
        Assert.Contains(refused.Errors, e => e.PropertyName == "宗地[3].园区" && e.ErrorCode == "carrier.park_unknown");
        Assert.Equal("carrier_import.has_errors", refused.Errors.First().ErrorCode);
        await using var db = _db.NewContext();
        Assert.Equal((0, 0, 0), (await db.LandParcels.CountAsync(), await db.Premises.CountAsync(), await db.CarrierEvents.CountAsync()));
    }

    [Fact]
    public async Task Import_creates_then_updates_by_code_and_by_park_and_building_with_imported_lines()
    {
        var project = await _db.AddProjectAsync("KC-3", _admin);
        var first = Workbook(
            [Parcel("UP-1", "zone-a", 45, "工业", "可供", 50), Parcel("UP-2", "乙园区", 12, "商业", "储备", null)],
            [Premises("甲园区", "A1 栋", "标准厂房", 5000, 1200, 8, 2, 25)]);
        var created = await SendAsync(db => new ImportCarriersHandler(db, _db.User, _db.Clock).Handle(new ImportCarriers(first, "载体.xlsx"), default).AsTask());
        Assert.Equal((2, 0, 1, 0), (created.NewParcels, created.UpdatedParcels, created.NewPremises, created.UpdatedPremises));

        await using (var db = _db.NewContext())
        {
            var p = await db.LandParcels.SingleAsync(x => x.Code == "UP-1");
            Assert.Equal((45d, ParcelStatus.Available, 50_0000_00L), (p.AreaMu, p.Status, p.GuidePriceFenPerMu!.Value));
            db.CarrierEvents.Add(p.Reserve(project, _admin, _db.Clock.Now.UtcDateTime));
            await db.SaveChangesAsync();
        }

        var second = Workbook(
            [Parcel("UP-1", "Park A", 48, "工业", null, 55), Parcel("UP-3", "zone-b", 60, "工业", "可供", null)],
            [Premises("zone-a", "A1 栋", "标准厂房", 5000, 800, 8, 2, 26.5), Premises("zone-b", "A1 栋", "办公", 300, 300, null, 3, null)]);
        var updated = await SendAsync(db => new ImportCarriersHandler(db, _db.User, _db.Clock).Handle(new ImportCarriers(second, "载体.xlsx"), default).AsTask());
        Assert.Equal((1, 1, 1, 1), (updated.NewParcels, updated.UpdatedParcels, updated.NewPremises, updated.UpdatedPremises));

        await using var read = _db.NewContext();
        var parcel = await read.LandParcels.SingleAsync(x => x.Code == "UP-1");
        Assert.Equal((48d, ParcelStatus.Available, 55_0000_00L, (Guid?)project), (parcel.AreaMu, parcel.Status, parcel.GuidePriceFenPerMu!.Value, parcel.ReservedForProjectId));
        Assert.Equal(3, await read.LandParcels.CountAsync());
        var a1 = await read.Premises.SingleAsync(x => x.ParkId == _parkA && x.Building == "A1 栋");
        Assert.Equal((800d, 26_50L), (a1.VacantM2, a1.RentFenPerM2Month!.Value));
        Assert.Equal(2, await read.Premises.CountAsync());
        var kinds = await read.CarrierEvents.Where(e => e.CarrierId == parcel.Id).Select(e => e.Kind).ToListAsync();
        Assert.Equal([CarrierEventKind.Imported, CarrierEventKind.Imported, CarrierEventKind.Reserved], kinds.Order());
    }

    [Fact]
    public async Task Import_lookups_take_the_same_statements_for_ten_rows_as_for_a_hundred_and_twenty()
    {
        byte[] Rows(int n, string prefix) => Workbook(
            [.. Enumerable.Range(1, n).Select(i => Parcel($"{prefix}-{i:000}", i % 2 == 0 ? "zone-a" : "乙园区", 10 + i, "工业", "可供", null))],
            [.. Enumerable.Range(1, n).Select(i => Premises("zone-a", $"{prefix} {i} 栋", "标准厂房", 1000, 100, null, 1, null))]);
        var ten = await CountAsync(db => new PreviewCarrierImportHandler(db, _db.Clock).Handle(new PreviewCarrierImport(Rows(10, "T"), null), default).AsTask());
        await SendAsync(db => new ImportCarriersHandler(db, _db.User, _db.Clock).Handle(new ImportCarriers(Rows(120, "H"), null), default).AsTask());
        var many = await CountAsync(db => new PreviewCarrierImportHandler(db, _db.Clock).Handle(new PreviewCarrierImport(Rows(120, "H"), null), default).AsTask());

        Assert.Equal((3, 3), (ten.Statements, many.Statements));
        Assert.Equal((0, 120), (ten.Result.UpdatedParcels, many.Result.UpdatedParcels));
        Assert.Equal(120, many.Result.UpdatedPremises);
    }

    [Fact]
    public async Task A_file_that_is_not_a_carrier_workbook_is_a_field_error_on_file()
    {
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, new Dictionary<string, object> { ["别的表"] = new[] { new Dictionary<string, object?> { ["x"] = 1 } } }, excelType: ExcelType.XLSX);
        var error = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(db => new PreviewCarrierImportHandler(db, _db.Clock).Handle(new PreviewCarrierImport(stream.ToArray(), null), default).AsTask()));
        Assert.Equal(("file", "carrier_import.no_sheet"), (error.Errors.Single().PropertyName, error.Errors.Single().ErrorCode));
        var formula = LedgerBook.RewriteFirstSheet(Workbook([Parcel("F-1", "zone-a", 1, "工业", null, null)], []), x => { var i = x.IndexOf("</x:row>", StringComparison.Ordinal); return x[..i] + "<x:c r=\"Z1\"><x:f>1+1</x:f><x:v>2</x:v></x:c>" + x[i..]; });
        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(db => new PreviewCarrierImportHandler(db, _db.Clock).Handle(new PreviewCarrierImport(formula, null), default).AsTask()));
        Assert.Equal("ledger.formula", refused.Errors.Single().ErrorCode);
    }

    // ---- helpers ----

    private static string[] Codes(CarrierImportResult result, string sheet, int row) =>
        [.. result.Items.Single(i => i.Sheet == sheet && i.Row == row).Errors.Select(e => e.Code)];

    internal static Dictionary<string, object?> Parcel(string code, string park, double area, string use, string? status, double? priceWan) => new()
    {
        [C.Code] = code, [C.Park] = park, [C.AreaMu] = area, [C.Use] = use, [C.Status] = status, [C.GuidePrice] = priceWan, [C.Note] = null,
    };

    internal static Dictionary<string, object?> Premises(string park, string building, string kind, double area, double vacant, double? load, double floors, double? rent) => new()
    {
        [C.Park] = park, [C.Building] = building, [C.Kind] = kind, [C.AreaM2] = area, [C.VacantM2] = vacant, [C.FloorLoad] = load, [C.Floors] = floors, [C.Rent] = rent, [C.Note] = null,
    };

    internal static byte[] Workbook(IEnumerable<Dictionary<string, object?>> parcels, IEnumerable<Dictionary<string, object?>> premises)
    {
        var sheets = new Dictionary<string, object>();
        if (parcels.Any())
        {
            sheets[C.ParcelSheet] = parcels.ToList();
        }

        if (premises.Any())
        {
            sheets[C.PremisesSheet] = premises.ToList();
        }

        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private async Task SeedParcelsAsync(int count, string prefix)
    {
        await using var db = _db.NewContext();
        for (var i = 0; i < count; i++)
        {
            db.LandParcels.Add(new LandParcel(
                $"{prefix}-{i:000}", i % 3 == 0 ? _parkB : _parkA, 30 + (i * 7 % 40), (CarrierUse)(i % 2 == 0 ? 0 : i % 3), i % 5 == 4 ? ParcelStatus.Reserve : ParcelStatus.Available, null, null));
        }

        await db.SaveChangesAsync();
    }

    private Task<ParcelDto> CreateParcelAsync(string code, Guid park, double mu, CarrierUse use, ParcelStatus status, long? price) =>
        SendAsync(db => new CreateParcelHandler(db, _db.User, _db.Clock).Handle(new CreateParcel(code, park, mu, use, status, price, null), default).AsTask());

    private Task<ParcelPage> PageAsync(Guid id) => SendAsync(db => new GetParcelHandler(db).Handle(new GetParcel(id), default).AsTask());

    private async Task<T> SendAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var db = _db.NewContext();
        return await action(db);
    }

    private async Task<(int Statements, T Result)> CountAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        var counter = new Counting();
        await using var db = _db.NewContext(counter);
        var result = await action(db);
        return (counter.Count, result);
    }

    private sealed class Counting : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Count++;
            return ValueTask.FromResult(result);
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Count++;
            return ValueTask.FromResult(result);
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            Count++;
            return ValueTask.FromResult(result);
        }
    }
}

public sealed class SqliteCarrierRegisterTests() : CarrierRegisterTests(DatabaseProvider.Sqlite);

public sealed class PostgresCarrierRegisterTests() : CarrierRegisterTests(DatabaseProvider.PostgreSql);
