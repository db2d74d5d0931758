using FluentValidation;
using FluentValidation.Results;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Common.Exceptions;

/// <summary>A field found wrong by a handler (e.g. an id that names nothing): the same 400 a validator gives.</summary>
public static class FieldError
{
    public static ValidationException Invalid(string field, Said said) => new([Failure(field, said)]);

    /// <summary>
    /// A failure carrying the message's code (FluentValidation's ErrorCode) and arguments (its CustomState), worded in
    /// the current UI language; the API renders it again in the reader's language from the code.
    /// </summary>
    public static ValidationFailure Failure(string field, Said said)
    {
        ArgumentNullException.ThrowIfNull(said);
        return new(field, said.ToString()) { ErrorCode = said.Code, CustomState = said.Args };
    }
}
