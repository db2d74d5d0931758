namespace KunshanInvest.Infrastructure.Persistence;

/// <summary>
/// SQLite has one writer at a time. Microsoft.Data.Sqlite meets a busy database by sleeping 150 ms and trying again,
/// so under concurrent saves most of a save's time was spent asleep (issue 9's lead load: p99 1.6 s at 32
/// connections, threads mostly in <c>Thread.Sleep</c>). Saves of this process queue here instead, first come first
/// served, and begin their transaction only when the previous one has ended. Other providers lock rows, not the
/// database: the gate is open for them. One instance per database (a singleton of the app's service provider).
/// </summary>
public sealed class SqliteWriteGate(bool enabled) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public bool Enabled { get; } = enabled;

    /// <summary>Waits for the turn to write; dispose the result to pass it on (a no-op when the gate is open).</summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return default;
        }

        await _turn.WaitAsync(cancellationToken);
        return new Turn(_turn);
    }

    public Turn Enter()
    {
        if (!Enabled)
        {
            return default;
        }

        _turn.Wait();
        return new Turn(_turn);
    }

    public void Dispose() => _turn.Dispose();

    /// <summary>A held turn; the default value holds nothing.</summary>
    public readonly struct Turn(SemaphoreSlim? held) : IDisposable
    {
        public void Dispose() => held?.Release();
    }
}
