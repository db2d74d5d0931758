using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using Mediator;

namespace KunshanInvest.Application.Projects.ImportLedger;

/// <summary>
/// 台账导入预览: checks every row of a ledger and says, per row, what a confirmed import would do — create or update which
/// project, which enterprise it matched and how — or each error by column. Writes nothing. Any staff member may check a
/// file; only a manager confirms it (<see cref="ImportLedger"/>).
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record PreviewLedger(byte[] Content, string? FileName, IProgress<LedgerProgress>? Progress = null) : ICommand<LedgerImportResult>, ILedgerUpload;

public sealed class PreviewLedgerValidator : AbstractValidator<PreviewLedger>
{
    public PreviewLedgerValidator() => this.AddLedgerUploadRules();
}

public sealed class PreviewLedgerHandler(IAppDbContext db, IUserDirectory users, IProjectCodeAllocator allocator, TimeProvider clock)
    : ICommandHandler<PreviewLedger, LedgerImportResult>
{
    public async ValueTask<LedgerImportResult> Handle(PreviewLedger command, CancellationToken cancellationToken)
    {
        var importer = new LedgerImporter(db, users, allocator, clock);
        try
        {
            await importer.CheckAsync(command.Content, command.Progress, cancellationToken);
        }
        catch (LedgerFileException ex)
        {
            throw FieldError.Invalid("file", ex.Said);
        }

        command.Progress?.Report(new LedgerProgress(LedgerPhase.Done, 0, 0));
        return importer.Result(confirmed: false);
    }
}
