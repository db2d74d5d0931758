using FluentValidation;
using FluentValidation.Results;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Projects.ImportLedger;
using Mediator;

namespace KunshanInvest.Application.Carriers.ImportCarriers;

/// <summary>
/// 载体导入: an admin brings the register in from a workbook — parcels upserted by 宗地编号, premises by park + building.
/// All or nothing: any row with an error refuses the whole file (400 listing every error by sheet, row and column), the
/// rest is one SaveChanges, one transaction, each carrier with an Imported history line.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record ImportCarriers(byte[] Content, string? FileName) : ICommand<CarrierImportResult>, ILedgerUpload
{
    public IProgress<LedgerProgress>? Progress => null;
}

public sealed class ImportCarriersValidator : AbstractValidator<ImportCarriers>
{
    public ImportCarriersValidator() => this.AddLedgerUploadRules();
}

public sealed class ImportCarriersHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ImportCarriers, CarrierImportResult>
{
    public async ValueTask<CarrierImportResult> Handle(ImportCarriers command, CancellationToken cancellationToken)
    {
        var admin = user.RequireId();
        var importer = new CarrierImporter(db, clock);
        try
        {
            await importer.CheckAsync(command.Content, cancellationToken);
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
                .Prepend(new ValidationFailure("file", M.CarrierImportHasErrors.With(("count", importer.ErrorCount)).ToString()) { ErrorCode = M.CarrierImportHasErrors.Code });
            throw new ValidationException(failures);
        }

        await importer.WriteAsync(admin, cancellationToken);
        return importer.Result(confirmed: true);
    }
}
