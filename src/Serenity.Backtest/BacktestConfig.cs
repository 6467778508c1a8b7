using System.Globalization;
using System.Text;
using Serenity.Hocon;

namespace Serenity.Backtest;

/// <summary>
/// The actor system configuration of a backtest: in-memory journal and snapshots (nothing survives the run; bounded, see
/// <see cref="Persistence.BoundedMemoryJournalStore"/> and <see cref="Persistence.LatestSnapshotStore"/>), the
/// backtest's symbols and cash, the periodic work that only matters for crash recovery (re-delivery, re-submits, ticker
/// snapshots) slowed down so that virtual nights and weekends do not fire thousands of idle timers, snapshots every
/// 1,000 events (objects, not serialized) so that the journal keeps only 2,000 events per entity (each kept event is one
/// more for the collector to promote), and tickers that keep 100 bars (enough to seed a risk window) instead of 600.
/// None of these changes what is traded, at what price, or the VaR.
/// Everything else comes from the caller's config (e.g. <c>serenity.risk.window</c>) and the defaults.
/// </summary>
public static class BacktestConfig
{
    /// <summary>The HOCON a backtest of <paramref name="options"/> runs with, over <paramref name="fallback"/>.</summary>
    public static Config For(BacktestOptions options, Config? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var symbols = string.Join(", ", options.Symbols.Select(s => "\"" + s + "\""));
        // A ticker keeps enough bars to seed a risk window (window + 1 closes) with room to spare, not 600: every position
        // opened re-seeds its window from them and every ticker snapshot carries them.
        var window = (fallback ?? ConfigurationFactory.Empty).GetInt("serenity.risk.window", 60);
        var barWindow = Math.Max(100, window + 20);
        var hocon = new StringBuilder()
            .AppendLine("serenity.stdout-loglevel = ERROR")
            .AppendLine("serenity.log-dead-letters = off")
            .AppendLine("serenity.persistence.journal.plugin = backtest")
            .AppendLine("serenity.persistence.journal.backtest.class = \"Serenity.Backtest.Persistence.BoundedMemoryJournalStore, Serenity.Backtest\"")
            .AppendLine("serenity.persistence.journal.backtest.keep-events = 2000")
            .AppendLine("serenity.persistence.snapshot-store.plugin = backtest")
            .AppendLine("serenity.persistence.snapshot-store.backtest.class = \"Serenity.Backtest.Persistence.LatestSnapshotStore, Serenity.Backtest\"")
            .AppendLine(CultureInfo.InvariantCulture, $"serenity.trading.starting-cash = {options.Cash.ToString(CultureInfo.InvariantCulture)}")
            .AppendLine(CultureInfo.InvariantCulture, $"serenity.trading.symbols = [{symbols}]")
            .AppendLine(CultureInfo.InvariantCulture, $"serenity.trading.bar-window = {barWindow}")
            .AppendLine("serenity.trading.redeliver-interval = 1h")
            .AppendLine("serenity.trading.ticker-snapshot-interval = 30d")
            .AppendLine("serenity.trading.snapshot-every = 1000")
            .AppendLine("serenity.risk.strategy.retry-interval = 1h")
            .AppendLine("serenity.risk.strategy.snapshot-every = 1000")
            .AppendLine("serenity.risk.drawdown-refresh = off")
            .ToString();
        var config = ConfigurationFactory.ParseString(hocon, "backtest");
        return fallback is null ? config : config.WithFallback(fallback);
    }
}
