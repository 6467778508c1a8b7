using Microsoft.AspNetCore.Http;

namespace Serenity.Server.Auth;

/// <summary>The authenticated user of a request, set by <see cref="BearerAuthenticationMiddleware"/>.</summary>
public static class CurrentUser
{
    private static readonly object s_key = new();

    /// <summary>The user id of the request's valid bearer token, or null.</summary>
    public static string? UserId(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(s_key, out var user) ? user as string : null;
    }

    internal static void SetUserId(this HttpContext context, string userId) => context.Items[s_key] = userId;
}
