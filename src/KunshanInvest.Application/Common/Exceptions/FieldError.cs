using FluentValidation;
using FluentValidation.Results;

namespace KunshanInvest.Application.Common.Exceptions;

/// <summary>A field found wrong by a handler (e.g. an id that names nothing): the same 400 a validator gives.</summary>
public static class FieldError
{
    public static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
