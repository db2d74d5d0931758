namespace KunshanInvest.Application.Common.Exceptions;

public sealed class NotFoundException(string entity, object key)
    : Exception($"{entity} '{key}' was not found.")
{
    public string Entity { get; } = entity;
}

/// <summary>The caller is signed in but lacks the role (403).</summary>
public sealed class ForbiddenAccessException(string message = "You do not have access to this.") : Exception(message);

/// <summary>No signed-in user (401).</summary>
public sealed class UnauthenticatedException() : Exception("Sign in first.");

/// <summary>The record changed since the caller read it, or the value must be unique (409).</summary>
public sealed class ConflictException : Exception
{
    public ConflictException(string message)
        : base(message)
    {
    }

    public ConflictException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>A write without the If-Match version it must carry (428).</summary>
public sealed class PreconditionRequiredException() : Exception("Send the record's ETag in If-Match: edits must say which version they change.");
