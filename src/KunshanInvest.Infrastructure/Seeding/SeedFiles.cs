using System.Text.Json;
using System.Text.Json.Serialization;

namespace KunshanInvest.Infrastructure.Seeding;

/// <summary>The shapes of <c>seeds/*.json</c>. Reference files hold facts from the article; demo files carry <c>"demo": true</c>.</summary>
internal static class SeedFiles
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static async Task<IReadOnlyList<T>> ReadAsync<T>(string folder, string file, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Seed file '{path}' is missing.", path);
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<List<T>>(stream, Json, cancellationToken) ?? [];
    }
}

internal sealed record SectorSeed(string Code, string NameZh, string NameEn, string? DescriptionZh, string? DescriptionEn);

internal sealed record ParkSeed(string Code, string NameZh, string NameEn, string? Description);

internal sealed record EnterpriseSeed(
    string Key, string? NameZh, string? NameEn, string? Sector, string Country, string Ownership,
    bool Fortune500, bool Listed, string? Website, string? CreditCode, string? Note, bool Demo, IReadOnlyList<AliasSeed>? Aliases = null);

/// <summary>Another name of a seeded enterprise (友达光电 = AUO); kind as <see cref="Domain.Enterprises.AliasKind"/>'s name.</summary>
internal sealed record AliasSeed(string Text, string Kind);

internal sealed record EventSeed(
    string Code, string NameZh, string NameEn, string Kind, DateOnly StartDate, DateOnly EndDate,
    string? Place, string? Organiser, int? AnnouncedProjects, long? AnnouncedInvestmentFen, string? Note);

internal sealed record ContactSeed(bool Demo, string Enterprise, string Name, string? Title, string? Phone, string? Email, string? WeChat);

internal sealed record RateSeed(bool Demo, int Year, string Currency, decimal CnyPerUnit);

internal sealed record ProjectSeed(
    bool Demo, string Code, string Name, string? Enterprise, string? Sector, string? Park, string Source, string Stage, string Owner,
    long? InvestmentFen, string? Currency, long? ForeignCapitalUsdCents, double? LandMu, int? ExpectedJobs,
    long? ExpectedAnnualOutputFen, long? ExpectedAnnualTaxFen, bool Major, string? ProjectCompanyCreditCode,
    string? Event, DateOnly StageEnteredOn, string? LostReason, string? BlockingIssues);

/// <summary>走访记录 at a fixed instant (so a second run finds it); on a project, or on an enterprise alone.</summary>
internal sealed record InteractionSeed(bool Demo, string? Project, string? Enterprise, string Kind, DateTime OccurredAt, string By, string Summary, string? NextSteps);

/// <summary>
/// 跟进任务 due <see cref="DueInDays"/> after the seeding day in Kunshan (negative: overdue), so a fresh demo always
/// shows overdue, today's and upcoming work. A <see cref="CompletionNote"/> marks it done on its due day.
/// </summary>
internal sealed record FollowUpSeed(bool Demo, string Project, string Assignee, string Title, int DueInDays, string? CompletionNote);

/// <summary>A fictional partner organisation, its members (demo user names) and its submissions.</summary>
internal sealed record PartnerSeed(bool Demo, string NameZh, string? NameEn, string Type, string Country, IReadOnlyList<string> Members, IReadOnlyList<SubmissionSeed> Submissions);

/// <summary>A demo submission; <see cref="Project"/> names the project code an accepted one became.</summary>
internal sealed record SubmissionSeed(
    string Reference, string? EnterpriseNameZh, string? EnterpriseNameEn, string Country, string? CreditCode, string Summary, string Sector,
    long? InvestmentFen, string? Currency, double? LandMu, int? ExpectedJobs, string ContactName, string? ContactPhone, string? ContactEmail,
    string Status, string? Project, string? BureauMessage, int SubmittedDaysAgo);
