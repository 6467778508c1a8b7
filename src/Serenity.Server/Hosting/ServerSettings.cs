using Serenity.Hocon;

namespace Serenity.Server.Hosting;

/// <summary>The <c>serenity.server</c> section, read with defaults for every missing key.</summary>
public sealed record ServerSettings
{
    /// <summary>The config path of the section.</summary>
    public const string Path = "serenity.server";

    /// <summary>Where Kestrel listens (semicolon-separated URLs).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>How long a login token is valid.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Requests per second one user may make (token bucket refill); 0 turns the limit off.</summary>
    public int RateLimitPerSecond { get; init; } = 100;

    /// <summary>Requests one user may make at once after a quiet spell (token bucket capacity).</summary>
    public int RateLimitBurst { get; init; } = 200;

    /// <summary>Register/login requests per second from one client address; 0 turns the limit off.</summary>
    public int AuthRateLimitPerSecond { get; init; } = 20;

    /// <summary>Burst of register/login requests from one client address.</summary>
    public int AuthRateLimitBurst { get; init; } = 40;

    /// <summary>How long an HTTP request waits for an entity's answer.</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Least time between two quote flushes on one WebSocket (quotes in between coalesce, latest wins).</summary>
    public TimeSpan PushInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Ordered events (orders, fills, bars) one WebSocket may have queued before it is closed as too slow.</summary>
    public int MaxQueuedEvents { get; init; } = 10_000;

    /// <summary>How often the server refreshes every ticker's view (last trade, change, SMA, halt) for quotes.</summary>
    public TimeSpan TickerRefreshInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>/readyz fails when no quote arrived for this long (0: any quote since start is enough).</summary>
    public TimeSpan ReadyQuoteAge { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a graceful shutdown waits for in-flight HTTP requests.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The web root of the dashboard; empty: found next to the program or in the project folder.</summary>
    public string WebRoot { get; init; } = "";

    /// <summary>Reads the section from a full config.</summary>
    public static ServerSettings From(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var d = new ServerSettings();
        const string p = Path + ".";
        var settings = new ServerSettings
        {
            Urls = config.GetString(p + "urls", d.Urls),
            TokenLifetime = config.GetTimeSpan(p + "token-lifetime", d.TokenLifetime),
            RateLimitPerSecond = config.GetInt(p + "rate-limit.permits-per-second", d.RateLimitPerSecond),
            RateLimitBurst = config.GetInt(p + "rate-limit.burst", d.RateLimitBurst),
            AuthRateLimitPerSecond = config.GetInt(p + "rate-limit.auth-permits-per-second", d.AuthRateLimitPerSecond),
            AuthRateLimitBurst = config.GetInt(p + "rate-limit.auth-burst", d.AuthRateLimitBurst),
            AskTimeout = config.GetTimeSpan(p + "ask-timeout", d.AskTimeout),
            PushInterval = config.GetTimeSpan(p + "websocket.push-interval", d.PushInterval),
            MaxQueuedEvents = config.GetInt(p + "websocket.max-queued-events", d.MaxQueuedEvents),
            TickerRefreshInterval = config.GetTimeSpan(p + "ticker-refresh-interval", d.TickerRefreshInterval),
            ReadyQuoteAge = config.GetTimeSpan(p + "ready-quote-age", d.ReadyQuoteAge),
            ShutdownTimeout = config.GetTimeSpan(p + "shutdown-timeout", d.ShutdownTimeout),
            WebRoot = config.GetString(p + "web-root", d.WebRoot),
        };
        Check(config, "token-lifetime", settings.TokenLifetime > TimeSpan.Zero, "a positive duration");
        Check(config, "rate-limit.permits-per-second", settings.RateLimitPerSecond >= 0, "an integer >= 0");
        Check(config, "rate-limit.burst", settings.RateLimitBurst >= 1, "a positive integer");
        Check(config, "rate-limit.auth-permits-per-second", settings.AuthRateLimitPerSecond >= 0, "an integer >= 0");
        Check(config, "rate-limit.auth-burst", settings.AuthRateLimitBurst >= 1, "a positive integer");
        Check(config, "ask-timeout", settings.AskTimeout > TimeSpan.Zero, "a positive duration");
        Check(config, "websocket.push-interval", settings.PushInterval >= TimeSpan.Zero, "a duration >= 0");
        Check(config, "websocket.max-queued-events", settings.MaxQueuedEvents >= 1, "a positive integer");
        Check(config, "ticker-refresh-interval", settings.TickerRefreshInterval > TimeSpan.Zero, "a positive duration");
        Check(config, "urls", settings.Urls.Length > 0, "one or more URLs");
        return settings;
    }

    private static void Check(Config config, string key, bool ok, string expected)
    {
        if (ok) return;
        var path = Path + "." + key;
        var origin = config.OriginOf(path) is { } o ? " at " + o : "";
        throw new ConfigException(path, $"{path}{origin}: expected {expected}");
    }
}
