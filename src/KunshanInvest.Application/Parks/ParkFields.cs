using System.Linq.Expressions;
using FluentValidation;
using KunshanInvest.Application.Parks.ListParks;
using KunshanInvest.Domain.Parks;

namespace KunshanInvest.Application.Parks;

internal static class ParkFields
{
    public static void AddParkFieldRules<T>(this AbstractValidator<T> validator, Expression<Func<T, string>> nameZh, Expression<Func<T, string>> nameEn, Expression<Func<T, string?>> description)
    {
        validator.RuleFor(nameZh).NotEmpty().MaximumLength(Park.NameMaxLength);
        validator.RuleFor(nameEn).NotEmpty().MaximumLength(Park.NameMaxLength);
        validator.RuleFor(description).MaximumLength(Park.DescriptionMaxLength);
    }

    public static ParkDto From(Park park) => new(park.Id, park.Code, park.NameZh, park.NameEn, park.Description, park.Version);

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
