using KunshanInvest.Application.Projects.ImportLedger;

namespace KunshanInvest.Application.Carriers.ImportCarriers;

/// <summary>One row of either sheet: what it would do (or did) to which carrier, and its errors (both languages).</summary>
public sealed record CarrierImportRow(string Sheet, int Row, LedgerAction? Action, string Label, Guid? CarrierId, IReadOnlyList<LedgerError> Errors);

public sealed record CarrierImportResult(
    bool Confirmed,
    int Rows,
    int RowsWithErrors,
    int NewParcels,
    int UpdatedParcels,
    int NewPremises,
    int UpdatedPremises,
    IReadOnlyList<CarrierImportRow> Items);
