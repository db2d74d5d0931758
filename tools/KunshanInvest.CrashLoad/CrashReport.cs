using System.Globalization;
using System.Text;

namespace KunshanInvest.CrashLoad;

/// <summary>One SIGKILL: when, how far the run was, how many requests were on the wire, how long the restart took.</summary>
public sealed record KillEvent(int Number, TimeSpan At, int AcknowledgedBefore, int InFlight, int ClaimsLeft, TimeSpan Restart);

/// <summary>The figures of a run. <see cref="Passed"/> is false on any loss, duplicate or refused submission.</summary>
public sealed record CrashReport
{
    public required CrashProvider Provider { get; init; }
    public required int Submissions { get; init; }
    public required int Connections { get; init; }
    public required int Partners { get; init; }
    public required int Seed { get; init; }
    public required IReadOnlyList<KillEvent> Kills { get; init; }
    public required int Acknowledged { get; init; }
    public required int RequestsSent { get; init; }
    public required int Unanswered { get; init; }
    public required int RetriedAfterNoAnswer { get; init; }
    public required int InFlightConflicts { get; init; }
    public required int RateLimited { get; init; }
    public required int ServerErrors { get; init; }
    public required int Refused { get; init; }
    public required int Replays { get; init; }
    public required int ReplayChecks { get; init; }
    public required int ReplayMismatches { get; init; }
    public required int InDatabase { get; init; }
    public required int Duplicates { get; init; }
    public required int Missing { get; init; }
    public required int Unacknowledged { get; init; }
    public required int KeyProblems { get; init; }
    public required int ClaimsLeftInFlight { get; init; }
    public required int AttachmentsSent { get; init; }
    public required int AttachmentsPresent { get; init; }
    public required int AttachmentProblems { get; init; }
    public required int OrphanFiles { get; init; }
    public required TimeSpan Elapsed { get; init; }
    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>The app processes the run started (the first, and one per restart); all are gone when it returns.</summary>
    public required IReadOnlyList<int> ProcessIds { get; init; }

    /// <summary>Acknowledged submissions per second of the load phase (kills and restarts included).</summary>
    public double PerSecond => Elapsed.TotalSeconds > 0 ? Acknowledged / Elapsed.TotalSeconds : 0;

    public bool Passed =>
        Duplicates == 0 && Missing == 0 && Unacknowledged == 0 && Refused == 0 && InDatabase == Submissions && KeyProblems == 0
        && ReplayMismatches == 0 && AttachmentProblems == 0 && AttachmentsPresent == AttachmentsSent;

    public override string ToString()
    {
        var text = new StringBuilder();
        void Line(string label, object value) => text.AppendLine(CultureInfo.InvariantCulture, $"  {label,-34} {value}");
        text.AppendLine(CultureInfo.InvariantCulture, $"crash under load: {Provider.ToString().ToLowerInvariant()}, {Submissions} submissions, {Connections} connections, {Kills.Count} SIGKILL(s), {Partners} partner organisations, seed {Seed}");
        foreach (var kill in Kills)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  kill {kill.Number} at {kill.At.TotalSeconds:0.0} s: {kill.AcknowledgedBefore} acknowledged before it, {kill.InFlight} request(s) in flight, {kill.ClaimsLeft} key(s) left claimed in flight; ready again after {kill.Restart.TotalSeconds:0.0} s");
        }

        Line("submissions acknowledged (2xx)", $"{Acknowledged} of {Submissions}");
        Line("acknowledged before each kill", Kills.Count == 0 ? "-" : string.Join(" / ", Kills.Select(k => k.AcknowledgedBefore)));
        Line("requests sent", RequestsSent);
        Line("unanswered (no response)", Unanswered);
        Line("submissions retried after no answer", RetriedAfterNoAnswer);
        Line("409 in flight (retried)", InFlightConflicts);
        Line("429 rate limited (retried)", RateLimited);
        Line("5xx server errors (retried)", ServerErrors);
        Line("refused 4xx (lost)", Refused);
        Line("replays (Idempotent-Replayed)", Replays);
        Line("replay check after the run", $"{ReplayChecks - ReplayMismatches} of {ReplayChecks} byte-identical");
        Line("submissions in the database", InDatabase);
        Line("duplicates (must be 0)", Duplicates);
        Line("missing (must be 0)", Missing);
        Line("unacknowledged (must be 0)", Unacknowledged);
        Line("idempotency key problems", KeyProblems);
        Line("claims left in flight", ClaimsLeftInFlight);
        Line("attachments present", $"{AttachmentsPresent} of {AttachmentsSent} ({AttachmentProblems} problems)");
        Line("orphan files (killed before commit)", OrphanFiles);
        Line("elapsed", $"{Elapsed.TotalSeconds:0.0} s");
        Line("acknowledged per second", PerSecond.ToString("0.0", CultureInfo.InvariantCulture));
        foreach (var problem in Problems.Take(20))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  PROBLEM: {problem}");
        }

        text.Append(Passed ? "RESULT: PASS — every acknowledged submission exists exactly once" : "RESULT: FAIL");
        return text.ToString();
    }
}
