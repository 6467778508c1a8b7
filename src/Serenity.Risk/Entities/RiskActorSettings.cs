using Serenity.Hocon;
using Serenity.Risk.Checks;

namespace Serenity.Risk.Entities;

/// <summary>
/// What the risk and strategy entities run with: the <c>serenity.risk</c> limits and window (<see cref="RiskSettings"/>)
/// plus the keys of the live side.
/// </summary>
/// <param name="Risk">Window length, the VaR the check limits, per-account limits.</param>
public sealed record RiskActorSettings(RiskSettings Risk)
{
    private const string Prefix = "serenity.risk.";

    /// <summary>Risk history points (one per scenario minute) a Risk entity keeps for its chart.</summary>
    public int HistorySize { get; init; } = 120;

    /// <summary>How long the scenario hub waits for the rest of a minute's bars before it publishes anyway.</summary>
    public TimeSpan SettleDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often a Risk entity fetches new points of its portfolio's value history (null: only at start and after fills).</summary>
    public TimeSpan? DrawdownRefresh { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the hub keeps the window of a symbol that was only looked at by a pre-trade check.</summary>
    public TimeSpan ProbeTtl { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an entity waits for an account, portfolio, ticker or hub answer.</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a strategy runner re-submits orders whose result it has not heard.</summary>
    public TimeSpan StrategyRetryInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Signals a strategy runner keeps (newest).</summary>
    public int SignalHistorySize { get; init; } = 500;

    /// <summary>A strategy runner snapshots after this many events.</summary>
    public int SnapshotEvery { get; init; } = 100;

    /// <summary>Reads the settings, with defaults for missing keys.</summary>
    /// <exception cref="ConfigException">A value has the wrong type or is out of range.</exception>
    public static RiskActorSettings From(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var refresh = config.HasPath(Prefix + "drawdown-refresh") && config.GetString(Prefix + "drawdown-refresh") is "off" or "false"
            ? (TimeSpan?)null
            : config.GetTimeSpan(Prefix + "drawdown-refresh", TimeSpan.FromMinutes(1));
        return new RiskActorSettings(RiskSettings.From(config))
        {
            HistorySize = Positive(config, "history-size", 120),
            SettleDelay = config.GetTimeSpan(Prefix + "settle-delay", TimeSpan.FromMilliseconds(500)),
            DrawdownRefresh = refresh,
            ProbeTtl = config.GetTimeSpan(Prefix + "probe-ttl", TimeSpan.FromMinutes(2)),
            AskTimeout = config.GetTimeSpan(Prefix + "ask-timeout", TimeSpan.FromSeconds(5)),
            StrategyRetryInterval = config.GetTimeSpan(Prefix + "strategy.retry-interval", TimeSpan.FromSeconds(2)),
            SignalHistorySize = Positive(config, "strategy.signal-history-size", 500),
            SnapshotEvery = Positive(config, "strategy.snapshot-every", 100),
        };
    }

    private static int Positive(Config config, string key, int fallback)
    {
        var value = config.GetInt(Prefix + key, fallback);
        return value >= 1 ? value : throw new ConfigException(Prefix + key, $"{Prefix}{key} must be at least 1, got {value}");
    }
}
