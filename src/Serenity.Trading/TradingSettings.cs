using Serenity.Hocon;

namespace Serenity.Trading;

/// <summary>The <c>serenity.trading</c> section.</summary>
public sealed record TradingSettings(
    decimal StartingCash,
    int PasswordIterations,
    int MaxFailedLogins,
    TimeSpan LockoutDuration,
    TimeSpan TickerSnapshotInterval,
    TimeSpan RedeliverInterval,
    TimeSpan QuoteTimeout,
    int SnapshotEvery)
{
    /// <summary>Reads the section, with defaults for missing keys; PBKDF2 iterations never go under 100,000.</summary>
    public static TradingSettings From(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        const string p = "serenity.trading.";
        return new TradingSettings(
            config.GetDecimal(p + "starting-cash", 100_000m),
            Math.Max(100_000, config.GetInt(p + "password-iterations", 100_000)),
            Math.Max(1, config.GetInt(p + "max-failed-logins", 5)),
            config.GetTimeSpan(p + "lockout-duration", TimeSpan.FromMinutes(15)),
            config.GetTimeSpan(p + "ticker-snapshot-interval", TimeSpan.FromSeconds(5)),
            config.GetTimeSpan(p + "redeliver-interval", TimeSpan.FromSeconds(2)),
            config.GetTimeSpan(p + "quote-timeout", TimeSpan.FromSeconds(5)),
            Math.Max(1, config.GetInt(p + "snapshot-every", 100)));
    }
}
