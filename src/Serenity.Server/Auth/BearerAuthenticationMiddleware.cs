using Microsoft.AspNetCore.Http;

namespace Serenity.Server.Auth;

/// <summary>
/// Reads <c>Authorization: Bearer &lt;token&gt;</c> (or <c>?token=</c> on the WebSocket, which browsers cannot give headers)
/// and records the user for the rate limiter and the endpoints. Rejecting is the endpoints' job (<c>RequireUser</c>).
/// </summary>
public sealed class BearerAuthenticationMiddleware(RequestDelegate next, TokenService tokens)
{
    /// <summary>Runs the middleware.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var token = BearerToken(context.Request.Headers.Authorization.ToString());
        if (token is null && context.Request.Path.StartsWithSegments("/ws", StringComparison.Ordinal))
        {
            token = context.Request.Query["token"].ToString();
        }
        if (tokens.Validate(token) is { } user) context.SetUserId(user);
        return next(context);
    }

    /// <summary>The token of a bearer Authorization header, or null.</summary>
    public static string? BearerToken(string header) =>
        header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
}
