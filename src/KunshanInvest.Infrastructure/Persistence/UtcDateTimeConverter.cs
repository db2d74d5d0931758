using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KunshanInvest.Infrastructure.Persistence;

/// <summary>Stores instants as UTC and reads them back as <see cref="DateTimeKind.Utc"/> on every provider.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
