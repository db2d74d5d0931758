using FluentValidation;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Projects.ImportLeads;

namespace KunshanInvest.Application.Projects.ImportLedger;

/// <summary>What both ledger requests carry: the .xlsx and its name, and an optional progress sink (the import page's bar).</summary>
public interface ILedgerUpload
{
    byte[] Content { get; }
    string? FileName { get; }
    IProgress<LedgerProgress>? Progress { get; }
}

/// <summary>The upload's own checks, before any byte is unpacked: present, within the size, a ZIP, named .xlsx.</summary>
public static class LedgerUploadRules
{
    public static void AddLedgerUploadRules<T>(this AbstractValidator<T> validator)
        where T : ILedgerUpload
    {
        validator.RuleFor(x => x.Content).Cascade(CascadeMode.Stop)
            .Must(c => c is { Length: > 0 }).WithMsg(M.ImportUpload)
            .Must(c => c.Length <= LedgerWorkbook.MaxBytes).WithMsg(M.LedgerTooLarge.With(("mb", LedgerWorkbook.MaxBytes / 1024 / 1024)))
            .Must(c => ImportLeads.ImportLeads.LooksLikeXlsx(c)).WithMsg(M.ImportNotXlsx)
            .OverridePropertyName("file");
        validator.RuleFor(x => x.FileName)
            .Must(n => n is null || n.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)).WithMsg(M.ImportXlsxOnly)
            .OverridePropertyName("file");
    }
}
