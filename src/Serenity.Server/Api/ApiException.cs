using Microsoft.AspNetCore.Http;

namespace Serenity.Server.Api;

/// <summary>An answer other than success: the status and the error body's field and reason.</summary>
public sealed class ApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiException(int status, string? field, string reason) : base(reason)
    {
        Status = status;
        Field = field;
    }

    /// <summary>Creates a 500 exception.</summary>
    public ApiException() : this(StatusCodes.Status500InternalServerError, null, "internal error")
    {
    }

    /// <summary>Creates a 500 exception with a reason.</summary>
    public ApiException(string message) : this(StatusCodes.Status500InternalServerError, null, message)
    {
    }

    /// <summary>Creates a 500 exception with a reason and cause.</summary>
    public ApiException(string message, Exception innerException) : base(message, innerException)
    {
        Status = StatusCodes.Status500InternalServerError;
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>The JSON field or parameter at fault, or null.</summary>
    public string? Field { get; }

    /// <summary>400: bad input in <paramref name="field"/>.</summary>
    public static ApiException BadRequest(string field, string reason) => new(StatusCodes.Status400BadRequest, field, reason);

    /// <summary>401: no valid token.</summary>
    public static ApiException Unauthorized(string reason = "a valid bearer token is required") => new(StatusCodes.Status401Unauthorized, null, reason);

    /// <summary>403: another user's data.</summary>
    public static ApiException Forbidden(string field, string reason) => new(StatusCodes.Status403Forbidden, field, reason);

    /// <summary>404: unknown thing named by <paramref name="field"/>.</summary>
    public static ApiException NotFound(string field, string reason) => new(StatusCodes.Status404NotFound, field, reason);

    /// <summary>409: conflicts with what exists.</summary>
    public static ApiException Conflict(string field, string reason) => new(StatusCodes.Status409Conflict, field, reason);
}
