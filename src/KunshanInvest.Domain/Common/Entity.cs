namespace KunshanInvest.Domain.Common;

/// <summary>An entity with a client-generated, time-ordered key (so an audit row can name it before the insert).</summary>
public abstract class Entity
{
    public Guid Id { get; protected init; } = Guid.CreateVersion7();
}

/// <summary>
/// A consistency boundary. <see cref="Version"/> is an app-managed optimistic-concurrency token, bumped by
/// the persistence layer on every save: SQLite has no rowversion, so the token cannot come from the database.
/// </summary>
public abstract class AggregateRoot : Entity
{
    public int Version { get; private set; }
}
