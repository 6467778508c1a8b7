using Serenity.Hocon;
using Serenity.Tickstore;

namespace Serenity.Server.Hosting;

/// <summary>
/// Which optional parts a node starts: the risk side (<c>serenity.risk.enabled</c>) and the tickstore's live bar
/// recorder (<c>serenity.tickstore.live.*</c>, under <c>serenity.tickstore.root</c>).
/// </summary>
public sealed record FeatureSettings
{
    /// <summary>Whether Risk entities and strategy runners start with the trading entities.</summary>
    public bool RiskEnabled { get; init; } = true;

    /// <summary>Whether the live minute bars are appended to the tickstore.</summary>
    public bool TickstoreLiveEnabled { get; init; } = true;

    /// <summary>The tickstore's root folder.</summary>
    public string TickstoreRoot { get; init; } = TickStoreOptions.DefaultRoot;

    /// <summary>Symbols the recorder follows (empty: the market-data symbols).</summary>
    public IReadOnlyList<string> TickstoreLiveSymbols { get; init; } = [];

    /// <summary>How often the recorder writes its queued bars.</summary>
    public TimeSpan TickstoreFlushInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Reads the settings from a full config, with defaults for missing keys.</summary>
    public static FeatureSettings From(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var d = new FeatureSettings();
        var settings = new FeatureSettings
        {
            RiskEnabled = config.GetBoolean("serenity.risk.enabled", d.RiskEnabled),
            TickstoreLiveEnabled = config.GetBoolean("serenity.tickstore.live.enabled", d.TickstoreLiveEnabled),
            TickstoreRoot = config.GetString("serenity.tickstore.root", d.TickstoreRoot),
            TickstoreLiveSymbols = config.HasPath("serenity.tickstore.live.symbols") ? config.GetStringList("serenity.tickstore.live.symbols") : d.TickstoreLiveSymbols,
            TickstoreFlushInterval = config.GetTimeSpan("serenity.tickstore.live.flush-interval", d.TickstoreFlushInterval),
        };
        if (settings.TickstoreFlushInterval <= TimeSpan.Zero)
        {
            throw new ConfigException("serenity.tickstore.live.flush-interval", "serenity.tickstore.live.flush-interval: expected a positive duration");
        }
        if (!settings.RiskEnabled && config.GetBoolean("serenity.trading.pre-trade-check", false)
            && config.GetString("serenity.trading.pre-trade-check-entity", "risk") == "risk")
        {
            throw new ConfigException("serenity.risk.enabled", "serenity.risk.enabled = off, but serenity.trading.pre-trade-check = on asks the risk entities: turn one of them around");
        }
        if (settings.TickstoreRoot.Length == 0) throw new ConfigException("serenity.tickstore.root", "serenity.tickstore.root: expected a folder");
        return settings;
    }
}
