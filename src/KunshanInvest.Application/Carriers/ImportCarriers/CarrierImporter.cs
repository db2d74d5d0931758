using System.Globalization;
using System.Text;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Projects.ImportLeads;
using KunshanInvest.Application.Projects.ImportLedger;
using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Common;
using Microsoft.EntityFrameworkCore;
using C = KunshanInvest.Application.Carriers.ImportCarriers.CarrierColumns;

namespace KunshanInvest.Application.Carriers.ImportCarriers;

/// <summary>
/// The carrier import's work, shared by the preview and the confirmed import: read both sheets, check every row (the
/// domain's own rules applied to untracked copies), upsert parcels by 宗地编号 and premises by park + building, parks by
/// code or name. Lookups take a fixed number of statements per 500 rows; the confirmed import writes everything in one
/// SaveChanges, each carrier with an Imported history line.
/// </summary>
internal sealed class CarrierImporter(IAppDbContext db, TimeProvider clock)
{
    /// <summary>Values per statement: EF sends a list as one parameter per value, and SQL Server takes at most 2,100.</summary>
    private const int ValuesPerQuery = 500;

    private readonly List<Draft> _drafts = [];

    public bool HasErrors => _drafts.Any(d => d.Errors.Count > 0);

    public int ErrorCount => _drafts.Count(d => d.Errors.Count > 0);

    public async Task CheckAsync(byte[] content, CancellationToken cancellationToken)
    {
        var (parcelRows, premisesRows) = CarrierWorkbook.Read(content);
        var parks = await db.Parks.AsNoTracking().Select(p => new { p.Id, p.Code, p.NameZh, p.NameEn }).ToListAsync(cancellationToken);
        var parkByKey = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in parks)
        {
            parkByKey.TryAdd(Fold(p.Code)!, p.Id);
            parkByKey.TryAdd(Fold(p.NameZh)!, p.Id);
            parkByKey.TryAdd(Fold(p.NameEn)!, p.Id);
        }

        var codes = parcelRows.Select(r => Fold(r.Text(C.Code))).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var parcels = new Dictionary<string, LandParcel>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(ValuesPerQuery))
        {
            foreach (var p in await db.LandParcels.AsNoTracking().Where(p => chunk.Contains(p.Code)).ToListAsync(cancellationToken))
            {
                parcels[p.Code] = p;
            }
        }

        var buildings = premisesRows.Select(r => Fold(r.Text(C.Building))).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var premises = new Dictionary<(Guid, string), Premises>();
        foreach (var chunk in buildings.Chunk(ValuesPerQuery))
        {
            foreach (var p in await db.Premises.AsNoTracking().Where(p => chunk.Contains(p.Building)).ToListAsync(cancellationToken))
            {
                premises[(p.ParkId, p.Building)] = p;
            }
        }

        foreach (var row in parcelRows)
        {
            _drafts.Add(CheckParcel(row, parkByKey, parcels));
        }

        foreach (var row in premisesRows)
        {
            _drafts.Add(CheckPremises(row, parkByKey, premises));
        }

        Twice(C.ParcelSheet, C.Code);
        Twice(C.PremisesSheet, C.Building);
    }

    public CarrierImportResult Result(bool confirmed)
    {
        var items = _drafts.Select(d => new CarrierImportRow(
            d.Sheet, d.Row, d.Errors.Count > 0 ? null : d.ExistingId is null ? LedgerAction.Create : LedgerAction.Update, d.Label,
            confirmed ? d.ExistingId ?? d.NewId : d.ExistingId, d.Errors)).ToList();
        var ok = _drafts.Where(d => d.Errors.Count == 0).ToList();
        return new CarrierImportResult(
            confirmed,
            _drafts.Count,
            _drafts.Count(d => d.Errors.Count > 0),
            ok.Count(d => d.Sheet == C.ParcelSheet && d.ExistingId is null),
            ok.Count(d => d.Sheet == C.ParcelSheet && d.ExistingId is not null),
            ok.Count(d => d.Sheet == C.PremisesSheet && d.ExistingId is null),
            ok.Count(d => d.Sheet == C.PremisesSheet && d.ExistingId is not null),
            items);
    }

    /// <summary>Applies every checked row to tracked carriers (re-read by id, a statement per 500) and saves once.</summary>
    public async Task WriteAsync(Guid adminId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var parcelIds = _drafts.Where(d => d.Sheet == C.ParcelSheet && d.ExistingId is not null).Select(d => d.ExistingId!.Value).ToList();
        var premisesIds = _drafts.Where(d => d.Sheet == C.PremisesSheet && d.ExistingId is not null).Select(d => d.ExistingId!.Value).ToList();
        var parcels = new Dictionary<Guid, LandParcel>();
        foreach (var chunk in parcelIds.Chunk(ValuesPerQuery))
        {
            foreach (var p in await db.LandParcels.Where(p => chunk.Contains(p.Id)).ToListAsync(cancellationToken))
            {
                parcels[p.Id] = p;
            }
        }

        var premises = new Dictionary<Guid, Premises>();
        foreach (var chunk in premisesIds.Chunk(ValuesPerQuery))
        {
            foreach (var p in await db.Premises.Where(p => chunk.Contains(p.Id)).ToListAsync(cancellationToken))
            {
                premises[p.Id] = p;
            }
        }

        foreach (var draft in _drafts)
        {
            Guid id;
            CarrierKind kind;
            if (draft.Parcel is { } v)
            {
                kind = CarrierKind.Parcel;
                if (draft.ExistingId is { } existing)
                {
                    ApplyParcel(parcels[existing], v);
                    id = existing;
                }
                else
                {
                    var parcel = new LandParcel(v.Code, v.ParkId, v.AreaMu, v.Use, v.Status ?? ParcelStatus.Available, v.PriceFen, v.Note);
                    db.LandParcels.Add(parcel);
                    id = parcel.Id;
                }
            }
            else
            {
                var w = draft.Premises!;
                kind = CarrierKind.Premises;
                if (draft.ExistingId is { } existing)
                {
                    ApplyPremises(premises[existing], w);
                    id = existing;
                }
                else
                {
                    var created = new Premises(w.ParkId, w.Building, w.Kind, w.AreaM2, w.VacantM2, w.FloorLoad, w.Floors, w.RentFen, w.Note);
                    db.Premises.Add(created);
                    id = created.Id;
                }
            }

            draft.NewId = id;
            db.CarrierEvents.Add(new CarrierEvent(kind, id, CarrierEventKind.Imported, null, adminId, now, null));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Draft CheckParcel(LedgerCells row, Dictionary<string, Guid> parks, Dictionary<string, LandParcel> existing)
    {
        var errors = new List<LedgerError>();
        void Fail(string column, Said said) => errors.Add(LedgerError.Of(column, said));

        var code = Fold(row.Text(C.Code));
        if (code is null || code.Length > LandParcel.CodeMaxLength)
        {
            Fail(C.Code, M.CarrierCode);
        }

        var park = Park(row, parks, Fail);
        var area = Number(row, C.AreaMu, required: true, Fail);
        var use = Choice(row, C.Use, Uses, required: true, M.CarrierImportUse, Fail);
        var status = Choice(row, C.Status, Statuses, required: false, M.CarrierImportStatus, Fail);
        var price = Number(row, C.GuidePrice, required: false, Fail);
        var note = Note(row, LandParcel.NoteMaxLength, Fail);
        var draft = new Draft(C.ParcelSheet, row.Row, code ?? "", errors);
        if (errors.Count > 0)
        {
            return draft;
        }

        var values = new ParcelValues(code!, park!.Value, area!.Value, use!.Value, status, price is { } p ? MoneyUnits.WanToMinor((decimal)p) : null, note);
        draft.Parcel = values;
        try
        {
            if (existing.TryGetValue(code!, out var parcel))
            {
                draft.ExistingId = parcel.Id;
                ApplyParcel(parcel, values);
            }
            else
            {
                _ = new LandParcel(values.Code, values.ParkId, values.AreaMu, values.Use, values.Status ?? ParcelStatus.Available, values.PriceFen, values.Note);
            }
        }
        catch (DomainRuleException ex)
        {
            Fail(ColumnOf(ex.Code, parcel: true), Messages.Find(ex.Code) is { } msg ? msg.With([.. ex.Args.Select(a => (a.Key, a.Value))]) : M.CarrierArea);
        }
        catch (DomainConflictException)
        {
            Fail(C.Status, M.CarrierImportSold);
        }

        return draft;
    }

    private static Draft CheckPremises(LedgerCells row, Dictionary<string, Guid> parks, Dictionary<(Guid, string), Premises> existing)
    {
        var errors = new List<LedgerError>();
        void Fail(string column, Said said) => errors.Add(LedgerError.Of(column, said));

        var park = Park(row, parks, Fail);
        var building = Fold(row.Text(C.Building));
        if (building is null)
        {
            Fail(C.Building, M.CarrierBuilding);
        }
        else if (building.Length > Premises.BuildingMaxLength)
        {
            Fail(C.Building, M.LedgerTextTooLong.With(("max", Premises.BuildingMaxLength)));
        }

        var kind = Choice(row, C.Kind, Kinds, required: true, M.CarrierImportKind, Fail);
        var area = Number(row, C.AreaM2, required: true, Fail);
        var vacant = Number(row, C.VacantM2, required: false, Fail);
        var load = Number(row, C.FloorLoad, required: false, Fail);
        var floors = Number(row, C.Floors, required: false, Fail);
        if (floors is { } f && f != Math.Floor(f))
        {
            Fail(C.Floors, M.CarrierImportWhole.With(("text", f.ToString(CultureInfo.InvariantCulture))));
        }

        var rent = Number(row, C.Rent, required: false, Fail);
        var note = Note(row, Premises.NoteMaxLength, Fail);
        var draft = new Draft(C.PremisesSheet, row.Row, building ?? "", errors);
        if (errors.Count > 0)
        {
            return draft;
        }

        var values = new PremisesValues(
            park!.Value, building!, kind!.Value, area!.Value, vacant ?? 0, load, (int)Math.Min(floors ?? 1, int.MaxValue),
            rent is { } r ? (long)Math.Round((decimal)r * 100, MidpointRounding.AwayFromZero) : null, note);
        draft.Premises = values;
        try
        {
            if (existing.TryGetValue((values.ParkId, values.Building), out var found))
            {
                draft.ExistingId = found.Id;
                ApplyPremises(found, values);
            }
            else
            {
                _ = new Premises(values.ParkId, values.Building, values.Kind, values.AreaM2, values.VacantM2, values.FloorLoad, values.Floors, values.RentFen, values.Note);
            }
        }
        catch (DomainRuleException ex)
        {
            Fail(ColumnOf(ex.Code, parcel: false), Messages.Find(ex.Code) is { } msg ? msg.With([.. ex.Args.Select(a => (a.Key, a.Value))]) : M.CarrierArea);
        }

        return draft;
    }

    private static void ApplyParcel(LandParcel parcel, ParcelValues v)
    {
        parcel.Describe(v.ParkId, v.AreaMu, v.Use, v.PriceFen, v.Note);
        if (v.Status is { } status && status != parcel.Status)
        {
            parcel.SetStatus(status);
        }
    }

    private static void ApplyPremises(Premises premises, PremisesValues v) =>
        premises.Describe(v.ParkId, v.Building, v.Kind, v.AreaM2, v.VacantM2, v.FloorLoad, v.Floors, v.RentFen, v.Note);

    /// <summary>A key (宗地编号, or park + building) on more than one row: every such row is in error, none is imported.</summary>
    private void Twice(string sheet, string column)
    {
        var groups = _drafts.Where(d => d.Sheet == sheet && d.Label.Length > 0)
            .GroupBy(d => d.Premises is { } p ? $"{p.ParkId}|{d.Label}" : d.Label, StringComparer.Ordinal)
            .Where(g => g.Count() > 1);
        foreach (var group in groups)
        {
            var rows = string.Join("、", group.Select(d => d.Row));
            foreach (var d in group)
            {
                d.Errors.Add(LedgerError.Of(column, M.CarrierImportTwice.With(("key", d.Label), ("rows", rows))));
            }
        }
    }

    private static string ColumnOf(string code, bool parcel) => code switch
    {
        "carrier.price" => parcel ? C.GuidePrice : C.Rent,
        "carrier.structure" => C.FloorLoad,
        "carrier.building" => C.Building,
        "carrier.code" => C.Code,
        "carrier.use" => C.Use,
        "carrier.kind" => C.Kind,
        "carrier.status" => C.Status,
        _ => parcel ? C.AreaMu : C.AreaM2,
    };

    private static Guid? Park(LedgerCells row, Dictionary<string, Guid> parks, Action<string, Said> fail)
    {
        var text = Fold(row.Text(C.Park));
        if (text is null)
        {
            fail(C.Park, M.CarrierImportRequired);
            return null;
        }

        if (parks.TryGetValue(text, out var id))
        {
            return id;
        }

        fail(C.Park, M.CarrierParkUnknown.With(("park", Short(text))));
        return null;
    }

    private static readonly Dictionary<string, CarrierUse> Uses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["工业"] = CarrierUse.Industrial, ["Industrial"] = CarrierUse.Industrial,
        ["研发"] = CarrierUse.Research, ["Research"] = CarrierUse.Research,
        ["商业"] = CarrierUse.Commercial, ["Commercial"] = CarrierUse.Commercial,
    };

    private static readonly Dictionary<string, ParcelStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["储备"] = ParcelStatus.Reserve, ["Reserve"] = ParcelStatus.Reserve,
        ["可供"] = ParcelStatus.Available, ["Available"] = ParcelStatus.Available,
        ["已出让"] = ParcelStatus.Sold, ["Sold"] = ParcelStatus.Sold,
    };

    private static readonly Dictionary<string, PremisesKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["标准厂房"] = PremisesKind.StandardFactory, ["厂房"] = PremisesKind.StandardFactory, ["StandardFactory"] = PremisesKind.StandardFactory,
        ["办公"] = PremisesKind.Office, ["研发楼"] = PremisesKind.Office, ["Office"] = PremisesKind.Office,
    };

    private static T? Choice<T>(LedgerCells row, string column, Dictionary<string, T> choices, bool required, Msg unknown, Action<string, Said> fail)
        where T : struct
    {
        var text = Fold(row.Text(column));
        if (text is null)
        {
            if (required)
            {
                fail(column, M.CarrierImportRequired);
            }

            return null;
        }

        if (choices.TryGetValue(text, out var value))
        {
            return value;
        }

        fail(column, unknown.With(("text", Short(text))));
        return null;
    }

    private static double? Number(LedgerCells row, string column, bool required, Action<string, Said> fail)
    {
        var cell = row[column];
        if (cell is null)
        {
            if (required)
            {
                fail(column, M.CarrierImportRequired);
            }

            return null;
        }

        double? value = cell switch
        {
            double d => d,
            decimal m => (double)m,
            int i => i,
            long l => l,
            string s when double.TryParse(Fold(s)?.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
        if (value is not { } v || !double.IsFinite(v) || v < 0 || v > 1e12)
        {
            fail(column, M.CarrierImportNumber.With(("text", Short(LeadImportSheet.TextOf(cell) ?? ""))));
            return null;
        }

        return v;
    }

    private static string? Note(LedgerCells row, int max, Action<string, Said> fail)
    {
        var note = Fold(row.Text(C.Note));
        if (note is { Length: var n } && n > max)
        {
            fail(C.Note, M.LedgerTextTooLong.With(("max", max)));
            return null;
        }

        return note;
    }

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static string? Fold(string? text) => text?.Normalize(NormalizationForm.FormKC).Trim() is { Length: > 0 } folded ? folded : null;

    private sealed record ParcelValues(string Code, Guid ParkId, double AreaMu, CarrierUse Use, ParcelStatus? Status, long? PriceFen, string? Note);

    private sealed record PremisesValues(Guid ParkId, string Building, PremisesKind Kind, double AreaM2, double VacantM2, double? FloorLoad, int Floors, long? RentFen, string? Note);

    private sealed class Draft(string sheet, int row, string label, List<LedgerError> errors)
    {
        public string Sheet { get; } = sheet;
        public int Row { get; } = row;
        public string Label { get; } = label;
        public List<LedgerError> Errors { get; } = errors;
        public ParcelValues? Parcel { get; set; }
        public PremisesValues? Premises { get; set; }
        public Guid? ExistingId { get; set; }
        public Guid? NewId { get; set; }
    }
}
