namespace KunshanInvest.Application.Common.Exports;

/// <summary>A sheet of untyped rows under its headers (a report), for <see cref="ExportPipeline.WriteSheetsAsync"/>.</summary>
public sealed record ExportSheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);
