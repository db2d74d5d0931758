using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Idempotency;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Enterprises.Duplicates;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Partners;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Portal.Submissions;

/// <summary>
/// A partner submits a project (portal page or API). With an <see cref="IdempotencyKey"/> a repeat returns the first
/// response and creates nothing; the same key with another body is 422; a repeat while the first is in flight is 409.
/// The duplicate check and the 首报 check run here, before anyone triages it.
/// </summary>
[AuthorizeRequest(Roles = Roles.Partner)]
public sealed record SubmitProject(
    string? EnterpriseNameZh,
    string? EnterpriseNameEn,
    string? Country,
    string? CreditCode,
    string? Summary,
    Guid? SectorId,
    MoneyDto? EstimatedInvestment,
    double? LandMu,
    int? ExpectedJobs,
    string? ContactName,
    string? ContactPhone,
    string? ContactEmail,
    IReadOnlyList<UploadedFile>? Files = null,
    string? IdempotencyKey = null) : ICommand<SubmissionResult>;

/// <summary>What the partner is told: the public reference, and whether another partner reported the enterprise first.</summary>
public sealed record SubmissionReceipt(Guid Id, string Reference, SubmissionStatus Status, bool AlreadyReported, DateTime SubmittedAtUtc, int Attachments);

/// <summary>The receipt, its JSON exactly as first sent (replayed byte for byte), and whether this was a repeat.</summary>
public sealed record SubmissionResult(SubmissionReceipt Receipt, string Json, bool Replayed);

/// <summary>The Idempotency-Key was used before with a different body (422).</summary>
public sealed class IdempotencyMismatchException()
    : DomainRuleException(M.IdempotencyMismatch.Code, M.IdempotencyMismatch.En);

public sealed class SubmitProjectValidator : AbstractValidator<SubmitProject>
{
    public const double MaxLandMu = 100_000;

    public SubmitProjectValidator()
    {
        RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.EnterpriseNameZh) || !string.IsNullOrWhiteSpace(x.EnterpriseNameEn))
            .OverridePropertyName("enterpriseNameZh")
            .WithMsg(M.SubmissionEnterpriseName);
        RuleFor(x => x.EnterpriseNameZh).MaximumLength(PartnerSubmission.NameMaxLength);
        RuleFor(x => x.EnterpriseNameEn).MaximumLength(PartnerSubmission.NameMaxLength);
        RuleFor(x => x.Country).NotEmpty().Matches("^[A-Z]{2}$").WithMsg(M.CountryCode);
        RuleFor(x => x.CreditCode).Custom((code, context) => CreditCodeRule.Report(code, context));
        RuleFor(x => x.Summary).NotEmpty().WithMsg(M.SubmissionSummary).MaximumLength(PartnerSubmission.SummaryMaxLength);
        RuleFor(x => x.SectorId).NotNull().WithMsg(M.SubmissionSector);
        RuleFor(x => x.EstimatedInvestment!).SetValidator(new MoneyValidator()).When(x => x.EstimatedInvestment is not null);
        RuleFor(x => x.LandMu).InclusiveBetween(0, MaxLandMu).WithMsg(M.SubmissionLand);
        RuleFor(x => x.ExpectedJobs).InclusiveBetween(0, 1_000_000);
        RuleFor(x => x.ContactName).NotEmpty().WithMsg(M.SubmissionContact).MaximumLength(PartnerSubmission.ContactMaxLength);
        RuleFor(x => x.ContactPhone).MaximumLength(PartnerSubmission.ContactMaxLength);
        RuleFor(x => x.ContactEmail).MaximumLength(PartnerSubmission.ContactMaxLength).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.ContactEmail));
        RuleFor(x => x.IdempotencyKey).MaximumLength(IdempotencyRules.KeyMaxLength);
        RuleFor(x => x.Files).Must(f => f is null || f.Count <= AttachmentRules.MaxFiles)
            .OverridePropertyName("files")
            .WithMsg(M.TooManyAttachments.With(("max", AttachmentRules.MaxFiles)));
        RuleForEach(x => x.Files).Custom((file, context) =>
        {
            if (AttachmentRules.Problem(file?.FileName, file?.Content) is { } problem)
            {
                context.AddFailure(FieldError.Failure(context.PropertyPath, problem));
            }
        });
    }
}

public sealed partial class SubmitProjectHandler(IAppDbContext db, ICurrentUser user, IAttachmentStore store, IOptions<PortalOptions> options, TimeProvider clock, IJobScheduler jobs, ILogger<SubmitProjectHandler> logger, IIdempotencyStore idempotency)
    : ICommandHandler<SubmitProject, SubmissionResult>
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async ValueTask<SubmissionResult> Handle(SubmitProject command, CancellationToken cancellationToken)
    {
        var membership = await PartnerAccess.RequireApprovedAsync(db, user, cancellationToken);
        var me = user.RequireId();
        Guid? claim = null;
        if (!string.IsNullOrWhiteSpace(command.IdempotencyKey))
        {
            var (begun, replay) = await Idempotency.BeginAsync(idempotency, membership.PartnerId, command.IdempotencyKey.Trim(), Hash(command), clock.GetUtcNow().UtcDateTime, options.Value.InFlightTakeover, cancellationToken);
            if (replay is not null)
            {
                return new SubmissionResult(JsonSerializer.Deserialize<SubmissionReceipt>(replay, Json)!, replay, Replayed: true);
            }

            claim = begun;
        }

        var stored = new List<string>();
        SubmissionResult result;
        try
        {
            result = await CreateAsync(command, membership.PartnerId, me, claim, stored, cancellationToken);
        }
        catch
        {
            // Nothing half-saved: the files written for a submission that was not committed go, and so does the claim on the key.
            foreach (var name in stored)
            {
                store.Delete(name);
            }

            if (claim is { } id)
            {
                await idempotency.AbandonAsync(id, CancellationToken.None);
            }

            throw;
        }

        // Committed: from here on nothing may undo it. Triage on arrival runs as a job now; should the job storage not
        // take it (a full connection pool, a restart), the schedule's safety net triages the submission within minutes.
        try
        {
            jobs.Enqueue(Jobs.JobNames.SubmissionTriage);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogTriageNotQueued(exception, result.Receipt.Reference);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Submission {Reference} saved; triage on arrival could not be queued (the scheduled triage will take it)")]
    private partial void LogTriageNotQueued(Exception exception, string reference);

    private async Task<SubmissionResult> CreateAsync(SubmitProject command, Guid partnerId, Guid me, Guid? claim, List<string> stored, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.Sectors.AnyAsync(s => s.Id == command.SectorId && s.IsActive, cancellationToken))
        {
            throw FieldError.Invalid("sectorId", M.NoSuchActiveSector);
        }

        var creditCode = string.IsNullOrWhiteSpace(command.CreditCode) ? null : CreditCode.Normalize(command.CreditCode);
        var submission = new PartnerSubmission(
            SubmissionReferences.New(now.Year),
            partnerId,
            me,
            new SubmittedEnterprise(Clean(command.EnterpriseNameZh), Clean(command.EnterpriseNameEn), command.Country!, creditCode),
            new SubmittedProject(command.Summary!.Trim(), command.SectorId!.Value, command.EstimatedInvestment?.ToMoney(), command.LandMu, command.ExpectedJobs,
                command.ContactName!.Trim(), Clean(command.ContactPhone), Clean(command.ContactEmail)),
            now);

        var match = await DuplicateCheckAsync(submission, cancellationToken);
        var attribution = await FirstReportAsync(submission, partnerId, now, cancellationToken);
        submission.RecordDuplicateCheck(match.EnterpriseId, match.ProjectId, attribution.AlreadyReported);
        db.Submissions.Add(submission);
        if (attribution.New is { } held)
        {
            db.Attributions.Add(held);
        }

        foreach (var file in command.Files ?? [])
        {
            var storedName = await store.SaveAsync(file.Content, cancellationToken);
            stored.Add(storedName);
            var extension = Path.GetExtension(file.FileName);
            db.SubmissionAttachments.Add(new SubmissionAttachment(submission.Id, partnerId, AttachmentRules.SafeName(file.FileName), storedName, AttachmentRules.ContentTypes[extension], file.Content.LongLength, now));
        }

        var receipt = new SubmissionReceipt(submission.Id, submission.Reference, submission.Status, submission.AlreadyReported, submission.SubmittedAtUtc, stored.Count);
        var json = JsonSerializer.Serialize(receipt, Json);
        if (claim is { } id)
        {
            idempotency.Complete(id, 201, json, submission.Id, now);
        }

        // The submission, its files' rows, the attribution and the completed key commit together, or none of them.
        await db.SaveChangesAsync(cancellationToken);
        return new SubmissionResult(receipt, json, Replayed: false);
    }

    /// <summary>Credit code or normalised zh/en name against enterprises, and that enterprise's open project.</summary>
    private async Task<(Guid? EnterpriseId, Guid? ProjectId)> DuplicateCheckAsync(PartnerSubmission submission, CancellationToken cancellationToken)
    {
        var candidates = await EnterpriseDuplicates.FindAsync(db, submission.EnterpriseNameZh, submission.EnterpriseNameEn, submission.CreditCode, null, cancellationToken);
        var enterprise = candidates.OrderBy(c => c.Reason == EnterpriseDuplicates.SameCreditCode ? 0 : 1).FirstOrDefault();
        if (enterprise is null)
        {
            return (null, null);
        }

        var project = await db.Projects.AsNoTracking()
            .Where(p => p.EnterpriseId == enterprise.Id && p.Stage != ProjectStage.Lost && p.Stage != ProjectStage.AtCapacity)
            .OrderByDescending(p => p.LastActivityAtUtc)
            .Select(p => (Guid?)p.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return (enterprise.Id, project);
    }

    /// <summary>
    /// 首报: a live attribution of the same enterprise (credit code or name key) held by another partner means this
    /// report comes too late (the partner is told so, not by whom); one held by the caller's own organisation stays.
    /// </summary>
    private async Task<(bool AlreadyReported, Attribution? New)> FirstReportAsync(PartnerSubmission submission, Guid partnerId, DateTime now, CancellationToken cancellationToken)
    {
        var keys = new[] { submission.EnterpriseNameZh, submission.EnterpriseNameEn }
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => EnterpriseName.Key(n!))
            .Where(k => k.Length > 0 && k.Length <= Attribution.KeyMaxLength)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var code = submission.CreditCode;
        var holders = await AttributionQueries.Live(db, options.Value.AttributionLapseDays, now)
            .Where(a => (code != null && a.CreditCode == code) || keys.Contains(a.NameZhKey!) || keys.Contains(a.NameEnKey!))
            .Select(a => a.PartnerId)
            .Distinct()
            .ToListAsync(cancellationToken);
        if (holders.Count > 0)
        {
            return (holders.Any(p => p != partnerId), null);
        }

        var zhKey = submission.EnterpriseNameZh is { } zh ? keys.FirstOrDefault(k => k == EnterpriseName.Key(zh)) : null;
        var enKey = submission.EnterpriseNameEn is { } en ? keys.FirstOrDefault(k => k == EnterpriseName.Key(en)) : null;
        return (false, new Attribution(partnerId, submission.Id, code, zhKey, enKey, now));
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>SHA-256 over the request as the handler sees it (fields, then each file's name and content hash), so JSON and multipart bodies hash alike.</summary>
    public static string Hash(SubmitProject command)
    {
        var canonical = JsonSerializer.Serialize(command with { Files = null, IdempotencyKey = null }, Json);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(canonical));
        foreach (var file in command.Files ?? [])
        {
            sha.AppendData(Encoding.UTF8.GetBytes("\n" + file.FileName + "\n"));
            sha.AppendData(SHA256.HashData(file.Content));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}

/// <summary>Idempotency-Key handling: the store's findings as the caller is told them.</summary>
internal static class Idempotency
{
    /// <summary>The claim on the key, or the stored response of a completed repeat.</summary>
    public static async Task<(Guid? Claim, string? Replay)> BeginAsync(IIdempotencyStore store, Guid partnerId, string key, string hash, DateTime now, TimeSpan takeoverAfter, CancellationToken cancellationToken)
    {
        var start = await store.BeginAsync(partnerId, key, hash, now, takeoverAfter, cancellationToken);
        return start.Outcome switch
        {
            IdempotencyOutcome.Claimed => (start.ClaimId, null),
            IdempotencyOutcome.Replay => (null, start.Replay),
            IdempotencyOutcome.Mismatch => throw new IdempotencyMismatchException(),
            IdempotencyOutcome.InFlight => throw InFlight(),
            _ => throw new ConflictException(M.PleaseRetry),
        };
    }

    private static ConflictException InFlight() =>
        new(M.IdempotencyInProgress);
}
