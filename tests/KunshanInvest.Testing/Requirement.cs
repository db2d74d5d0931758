using Xunit;

namespace KunshanInvest.Testing;

/// <summary>
/// Tests that need PostgreSQL or Chromium skip with a reason when it is absent — except under
/// <c>KI_REQUIRE_ALL=1</c> (set by .ci/run), where a missing dependency fails the test instead.
/// </summary>
public static class Requirement
{
    public static bool RequireAll => Environment.GetEnvironmentVariable("KI_REQUIRE_ALL") == "1";

    public static void Need(string? unavailableReason)
    {
        if (unavailableReason is null)
        {
            return;
        }

        if (RequireAll)
        {
            throw new InvalidOperationException($"KI_REQUIRE_ALL=1 but: {unavailableReason}");
        }

        // xunit v3: reports the test as skipped with this reason (no SkippableFact needed).
        Assert.Skip(unavailableReason);
    }
}
