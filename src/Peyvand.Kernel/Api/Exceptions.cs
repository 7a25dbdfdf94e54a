namespace Peyvand.Kernel.Api;

/// <summary>Input that breaks a rule; carries field errors keyed by the camelCase JSON name.</summary>
public sealed class InvalidInputException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more fields are invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public InvalidInputException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }
}

public sealed class NotFoundException(string resource, object id) : Exception(ApiText.NotFound(resource, id));

public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>The record changed since the caller read it (stale If-Match or a concurrent save).</summary>
public sealed class ConcurrencyException(string? message = null) : Exception(message ?? ApiText.Changed);

/// <summary>The request is well-formed but conflicts with the current state (a duplicate email, say).</summary>
public sealed class ConflictException(string message) : Exception(message);
