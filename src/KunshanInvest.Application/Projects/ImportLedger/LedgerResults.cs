using System.Globalization;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Application.Projects.ImportLedger;

/// <summary>A problem with one cell: the column's header, the catalogue code, and the message in Chinese and English.</summary>
public sealed record LedgerError(string Column, string Code, string Zh, string En)
{
    public static LedgerError Of(string column, Said said) =>
        new(column, said.Code, said.Render(CultureInfo.GetCultureInfo("zh-CN")), said.Render(CultureInfo.GetCultureInfo("en-US")));

    /// <summary>In the reader's language.</summary>
    public string Message => Msg.IsEnglish(CultureInfo.CurrentUICulture) ? En : Zh;
}

/// <summary>What a ledger row does to its project.</summary>
public enum LedgerAction
{
    Create = 0,
    Update = 1,
}

/// <summary>How a row's enterprise was found.</summary>
public enum LedgerEnterpriseMatch
{
    None = 0,
    CreditCode = 1,
    Name = 2,
    Alias = 3,

    /// <summary>Created by the import (by this row or an earlier one naming the same company).</summary>
    New = 4,
}

/// <summary>Where the import is: <see cref="Done"/> of <see cref="Total"/> rows of <see cref="Phase"/>.</summary>
public sealed record LedgerProgress(LedgerPhase Phase, int Done, int Total);

public enum LedgerPhase
{
    Reading = 0,
    Checking = 1,
    Saving = 2,
    Done = 3,
}

/// <summary>One row of either sheet: what it would do (or did), and its errors. Figure rows name their sheet.</summary>
public sealed record LedgerRowResult(
    string Sheet,
    int Row,
    LedgerAction? Action,
    string? ProjectCode,
    string? ProjectName,
    string? Enterprise,
    LedgerEnterpriseMatch EnterpriseMatch,
    ProjectStage? Stage,
    int Figures,
    Guid? ProjectId,
    IReadOnlyList<LedgerError> Errors);

public sealed record LedgerImportResult(
    bool Confirmed,
    int Rows,
    int FigureRows,
    int RowsWithErrors,
    int NewProjects,
    int UpdatedProjects,
    int NewEnterprises,
    int FiguresImported,
    int MilestonesImported,
    IReadOnlyList<LedgerRowResult> Items);
