using System.Threading.RateLimiting;
using KunshanInvest.Application.Portal;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Api.Security;

/// <summary>
/// Portal:SubmissionsPerMinute per partner organisation (not per address or user: colleagues share it). Applied in the
/// endpoint, after authentication, where the organisation is known; one window per organisation per server.
/// </summary>
internal sealed class PortalRateLimiter(IOptions<PortalOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> _limiter = PartitionedRateLimiter.Create<Guid, Guid>(partnerId =>
        RateLimitPartition.GetFixedWindowLimiter(partnerId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.SubmissionsPerMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public RateLimitLease Acquire(Guid partnerId) => _limiter.AttemptAcquire(partnerId);

    public void Dispose() => _limiter.Dispose();
}
