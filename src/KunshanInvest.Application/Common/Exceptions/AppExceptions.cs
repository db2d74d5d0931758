using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Common.Exceptions;

public sealed class NotFoundException(string entity, object key)
    : Exception($"{entity} '{key}' was not found."), ICodedException
{
    public string Entity { get; } = entity;

    public Said Said { get; } = M.NotFound.With(("entity", M.Things.Entity(entity)), ("key", key.ToString()));
}

/// <summary>The caller is signed in but lacks the role (403).</summary>
public sealed class ForbiddenAccessException : Exception, ICodedException
{
    public ForbiddenAccessException()
        : this(M.Forbidden)
    {
    }

    public ForbiddenAccessException(Said said)
        : base(said?.Render(Messages.Messages.DefaultCulture))
    {
        Said = said!;
    }

    public Said Said { get; }
}

/// <summary>No signed-in user (401).</summary>
public sealed class UnauthenticatedException() : Exception("Sign in first."), ICodedException
{
    public Said Said => M.SignInFirst;
}

/// <summary>The record changed since the caller read it, or the value must be unique (409).</summary>
public sealed class ConflictException : Exception, ICodedException
{

    public ConflictException(Said said)
        : base(said?.Render(Messages.Messages.DefaultCulture))
    {
        Said = said!;
    }

    public ConflictException(Said said, Exception inner)
        : base(said?.Render(Messages.Messages.DefaultCulture), inner)
    {
        Said = said!;
    }

    public Said Said { get; }
}

/// <summary>A write without the If-Match version it must carry (428).</summary>
public sealed class PreconditionRequiredException() : Exception("Send the record's ETag in If-Match: edits must say which version they change."), ICodedException
{
    public Said Said => M.IfMatchRequired;
}
