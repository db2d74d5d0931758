using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Projects.ImportLedger;
using Mediator;

namespace KunshanInvest.Application.Carriers.ImportCarriers;

/// <summary>
/// 载体导入预览: checks every row of a carrier workbook and says what a confirmed import would do — create or update which
/// parcel or premises — or each error by column, in both languages. Writes nothing.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record PreviewCarrierImport(byte[] Content, string? FileName) : ICommand<CarrierImportResult>, ILedgerUpload
{
    public IProgress<LedgerProgress>? Progress => null;
}

public sealed class PreviewCarrierImportValidator : AbstractValidator<PreviewCarrierImport>
{
    public PreviewCarrierImportValidator() => this.AddLedgerUploadRules();
}

public sealed class PreviewCarrierImportHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<PreviewCarrierImport, CarrierImportResult>
{
    public async ValueTask<CarrierImportResult> Handle(PreviewCarrierImport command, CancellationToken cancellationToken)
    {
        var importer = new CarrierImporter(db, clock);
        try
        {
            await importer.CheckAsync(command.Content, cancellationToken);
        }
        catch (LedgerFileException ex)
        {
            throw FieldError.Invalid("file", ex.Said);
        }

        return importer.Result(confirmed: false);
    }
}
