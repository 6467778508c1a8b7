namespace Serenity.Server.Hosting;

/// <summary>
/// How to start a Serenity node in process. Configuration is layered, highest first: <see cref="Urls"/>,
/// <see cref="DataDirectory"/>, <see cref="Hocon"/>, environment variables <c>SERENITY__SECTION__KEY</c>,
/// <see cref="ConfigFile"/>, then the defaults (hocon/serenity.conf and the server's own).
/// </summary>
public sealed record SerenityHostOptions
{
    /// <summary>Extra HOCON text that overrides everything but <see cref="Urls"/> and <see cref="DataDirectory"/>.</summary>
    public string? Hocon { get; init; }

    /// <summary>A HOCON file (the <c>--config</c> option).</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Where Kestrel listens (the <c>--urls</c> option); port 0 picks a free port.</summary>
    public string? Urls { get; init; }

    /// <summary>A folder for the SQLite journal and snapshots (<c>serenity.db</c> inside it).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Whether <c>SERENITY__SECTION__KEY</c> environment variables override the configuration.</summary>
    public bool UseEnvironment { get; init; } = true;

    /// <summary>The token signing secret; null: <c>SERENITY_TOKEN_SECRET</c>, else a random per-process secret.</summary>
    public string? TokenSecret { get; init; }

    /// <summary>The admin token; null: <c>SERENITY_ADMIN_TOKEN</c> (the admin endpoints are off when neither is set).</summary>
    public string? AdminToken { get; init; }

    /// <summary>Whether the actor system prints its log to standard output at the configured level.</summary>
    public bool QuietLogs { get; init; }

    /// <summary>
    /// Options for tests and benchmarks: a free loopback port, <paramref name="dataDirectory"/>, a seeded simulator
    /// quoting fast with fair-bucket rates that do not bind, no register/login limit per address (every test client
    /// is 127.0.0.1), quiet logs, and <paramref name="extraHocon"/> on top.
    /// </summary>
    public static SerenityHostOptions ForTesting(string dataDirectory, string? extraHocon = null) => new()
    {
        Urls = "http://127.0.0.1:0",
        DataDirectory = dataDirectory,
        UseEnvironment = false,
        QuietLogs = true,
        Hocon = TestingHocon + Environment.NewLine + (extraHocon ?? ""),
    };

    private const string TestingHocon = """
        serenity.stdout-loglevel = WARNING
        serenity.log-dead-letters = off
        serenity.market-data.source = simulator
        serenity.market-data.symbols = ["AAPL", "MSFT", "AMZN", "TSLA"]
        serenity.market-data.simulator.seed = 7
        serenity.market-data.simulator.quotes-per-second = 200
        serenity.market-data.simulator.burst-probability = 0
        serenity.streams.fair-bucket.per-key-rate = 100
        serenity.streams.fair-bucket.global-rate = 0
        serenity.server.websocket.push-interval = 20ms
        serenity.server.ticker-refresh-interval = 200ms
        serenity.server.rate-limit.auth-permits-per-second = 0
        serenity.risk.settle-delay = 50ms
        """;
}
