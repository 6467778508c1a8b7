using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Serenity.Server.Api;
using Serenity.Server.Hosting;
using Serenity.Server.Observability;

namespace Serenity.Server.Auth;

/// <summary>
/// The per-user rate limit (a token bucket per authenticated user) and the per-address limit of register/login;
/// a refused request gets 429 with <c>Retry-After</c>. Anonymous requests elsewhere (static files, health) are not limited.
/// </summary>
public static class RateLimits
{
    /// <summary>Configures the ASP.NET rate limiter from <paramref name="settings"/>.</summary>
    public static void Configure(RateLimiterOptions options, ServerSettings settings, ServerMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(metrics);
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            var path = http.Request.Path;
            if (path.StartsWithSegments("/api/login", StringComparison.Ordinal) || path.StartsWithSegments("/api/register", StringComparison.Ordinal))
            {
                var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return settings.AuthRateLimitPerSecond == 0
                    ? RateLimitPartition.GetNoLimiter("auth")
                    : RateLimitPartition.GetTokenBucketLimiter("auth:" + address, _ => Bucket(settings.AuthRateLimitPerSecond, settings.AuthRateLimitBurst));
            }
            if (http.UserId() is { } user && settings.RateLimitPerSecond > 0)
            {
                return RateLimitPartition.GetTokenBucketLimiter("user:" + user, _ => Bucket(settings.RateLimitPerSecond, settings.RateLimitBurst));
            }
            return RateLimitPartition.GetNoLimiter("anonymous");
        });
        options.OnRejected = async (context, cancellationToken) =>
        {
            metrics.RateLimitHit();
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
            context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await ApiResults.WriteErrorAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, null, "rate limit exceeded, retry later");
        };
    }

    /// <summary>
    /// A bucket of <paramref name="burst"/> tokens refilled at <paramref name="perSecond"/> (in tenths of a second, or
    /// one token per period for slow rates, so a refill is never a whole second's worth at once).
    /// </summary>
    public static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst)
    {
        var period = perSecond >= 10 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1.0 / perSecond);
        var tokens = perSecond >= 10 ? (int)Math.Ceiling(perSecond / 10.0) : 1;
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(burst, 1),
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}
