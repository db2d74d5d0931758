using FluentValidation;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Portal;
using KunshanInvest.Domain.Figures;

namespace KunshanInvest.Application.Figures;

/// <summary>What a figure's entry carries, whether new or a correction.</summary>
public interface IFigureInput
{
    /// <summary>Minor units of <see cref="Currency"/> for money kinds (fen, cents), else people or kgce.</summary>
    long Amount { get; }

    string? Currency { get; }

    /// <summary>到位资金 only: the part that is foreign capital, in minor units of <see cref="Currency"/>.</summary>
    long? ForeignPart { get; }

    string? Note { get; }

    EvidenceType? EvidenceType { get; }

    UploadedFile? Evidence { get; }
}

/// <summary>The shape of a figure's input, before any rule about the project or the period is asked (400).</summary>
internal sealed class FigureInputValidator : AbstractValidator<IFigureInput>
{
    public FigureInputValidator()
    {
        RuleFor(x => x.Amount).InclusiveBetween(0, FigureEntry.MaxValue).WithMsg(M.FigureAmount);
        RuleFor(x => x.Currency).Matches("^[A-Z]{3}$").When(x => x.Currency is not null).WithMsg(M.FigureCurrencyNeeded);
        RuleFor(x => x.ForeignPart).Must((x, part) => part is null || (part >= 0 && part <= x.Amount)).WithMsg(M.FigureForeignPartOnly);
        RuleFor(x => x.Note).MaximumLength(FigureEntry.NoteMaxLength);
        RuleFor(x => x.EvidenceType).IsInEnum();
        RuleFor(x => x.EvidenceType).NotNull().When(x => x.Evidence is not null).WithMsg(M.FigureEvidenceType);
        RuleFor(x => x.Evidence).Custom((file, context) =>
        {
            if (file is not null && AttachmentRules.Problem(file.FileName, file.Content) is { } problem)
            {
                context.AddFailure(FieldError.Failure("evidence", problem));
            }
        });
    }
}
