using Microsoft.AspNetCore.Http;
using Serenity.Server.Auth;

namespace Serenity.Server.Api;

/// <summary>Helpers for endpoint handlers.</summary>
public static class RequestContext
{
    /// <summary>The request's user, or a 401.</summary>
    public static string RequireUser(this HttpContext context) => context.UserId() ?? throw ApiException.Unauthorized();

    /// <summary>An optional integer query parameter within [min, max].</summary>
    public static int QueryInt(this HttpContext context, string name, int fallback, int min, int max)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Request.Query[name].ToString();
        if (text.Length == 0) return fallback;
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw ApiException.BadRequest(name, $"{name} must be a whole number from {min} to {max}");
    }

    /// <summary>An optional ISO-8601 time query parameter (as UTC).</summary>
    public static DateTime? QueryTime(this HttpContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Request.Query[name].ToString();
        if (text.Length == 0) return null;
        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var value)
            ? value.UtcDateTime
            : throw ApiException.BadRequest(name, $"{name} must be an ISO-8601 time");
    }
}
