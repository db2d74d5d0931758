using KunshanInvest.Application.Common.Exports;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Portal.Rewards;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KunshanInvest.Api.Endpoints;

/// <summary>
/// 首报奖励: the reward ledger and payouts (/api/v1/rewards, managers and admins; only a manager approves) and the
/// partner's own view (/api/v1/portal/rewards). Accruals derive from verified figures (docs/adr/0027).
/// </summary>
internal static class RewardEndpoints
{
    internal sealed record PayoutInput(Guid PartnerId, long AmountFen, int PeriodFrom, int PeriodTo, string? Note);

    internal sealed record PaidInput(string? Reference);

    public static void MapRewardEndpoints(this IEndpointRouteBuilder app)
    {
        var rewards = app.MapGroup("/api/v1/rewards").WithTags("Rewards").RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Admin));
        rewards.MapGet("/", async (Guid? partnerId, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetRewardLedger(partnerId), ct)))
            .WithSummary("Each partner's balance (accrued, proposed, approved, paid, unpaid), the newest 500 accruals and payouts (?partnerId= for one).");
        rewards.MapPost("/payouts", async Task<Created<RewardPayoutDto>> (PayoutInput input, ISender sender, CancellationToken ct) =>
            {
                var payout = await sender.Send(new ProposeRewardPayout(input.PartnerId, input.AmountFen, input.PeriodFrom, input.PeriodTo, input.Note), ct);
                return TypedResults.Created($"/api/v1/rewards?partnerId={payout.PartnerId}", payout);
            })
            .WithSummary("Propose a payout (fen, months covered yyyymm): at most the unpaid balance less open proposals (422 above it).");
        rewards.MapPost("/payouts/{id:guid}/approve", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ApproveRewardPayout(id), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Manager))
            .WithSummary("A manager approves a proposed payout (422 above the unpaid balance, 409 when already approved or raced).");
        rewards.MapPost("/payouts/{id:guid}/paid", async (Guid id, PaidInput input, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new MarkRewardPayoutPaid(id, input.Reference), ct)))
            .WithSummary("Mark an approved payout paid, with the payment's reference.");
        rewards.MapGet("/export.xlsx", (Guid? partnerId, ISender sender, CancellationToken ct) => ExportAsync(partnerId, sender, ct))
            .WithSummary("Balances, accruals and payouts as one workbook (a sheet each).");

        app.MapGet("/api/v1/portal/rewards", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetMyRewards(), ct)))
            .WithTags("Portal").RequireAuthorization(p => p.RequireRole(Roles.Partner))
            .WithSummary("The organisation's own accrued rewards, payouts and balance.");
    }

    private static async Task<FileStreamHttpResult> ExportAsync(Guid? partnerId, ISender sender, CancellationToken ct)
    {
        // Built in a temporary file first, as the other exports are: MiniExcel writes synchronously (docs/adr/0005).
        var path = Path.Combine(Path.GetTempPath(), $"ki-rewards-{Guid.NewGuid():N}.tmp");
        var temp = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var file = await sender.Send(new ExportRewards(ExportFormat.Xlsx, temp, partnerId), ct);
            temp.Position = 0;
            return TypedResults.File(temp, file.ContentType, file.FileName);
        }
        catch
        {
            await temp.DisposeAsync();
            throw;
        }
    }
}
