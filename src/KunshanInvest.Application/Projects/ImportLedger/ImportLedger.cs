using FluentValidation;
using FluentValidation.Results;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using Mediator;

namespace KunshanInvest.Application.Projects.ImportLedger;

/// <summary>
/// 台账导入: a manager brings the bureau's existing ledger in — projects upserted by code, else enterprise + name; enterprises
/// matched by credit code, else name or alias, else created; stages with their ledger dates; milestones; yearly figures as
/// verified imported entries. All or nothing: any row with an error refuses the whole file (400 listing every error), and
/// the rest is one SaveChanges, one transaction (ADR 0028).
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin + "," + Roles.Manager)]
public sealed record ImportLedger(byte[] Content, string? FileName, IProgress<LedgerProgress>? Progress = null) : ICommand<LedgerImportResult>, ILedgerUpload;

public sealed class ImportLedgerValidator : AbstractValidator<ImportLedger>
{
    public ImportLedgerValidator() => this.AddLedgerUploadRules();
}

public sealed class ImportLedgerHandler(IAppDbContext db, ICurrentUser user, IUserDirectory users, IProjectCodeAllocator allocator, TimeProvider clock)
    : ICommandHandler<ImportLedger, LedgerImportResult>
{
    public async ValueTask<LedgerImportResult> Handle(ImportLedger command, CancellationToken cancellationToken)
    {
        var manager = user.RequireId();
        var importer = new LedgerImporter(db, users, allocator, clock);
        try
        {
            await importer.CheckAsync(command.Content, command.Progress, cancellationToken);
        }
        catch (LedgerFileException ex)
        {
            throw FieldError.Invalid("file", ex.Said);
        }

        if (importer.HasErrors)
        {
            var result = importer.Result(confirmed: false);
            var failures = result.Items
                .SelectMany(i => i.Errors.Select(e => new ValidationFailure($"{i.Sheet}[{i.Row}].{e.Column}", e.Message) { ErrorCode = e.Code }))
                .Prepend(new ValidationFailure("file", M.LedgerHasErrors.With(("count", importer.ErrorCount)).ToString()) { ErrorCode = M.LedgerHasErrors.Code });
            throw new ValidationException(failures);
        }

        await importer.WriteAsync(manager, command.Progress, cancellationToken);
        return importer.Result(confirmed: true);
    }
}
