using System.Globalization;
using Serenity.Hocon;
using Serenity.Trading.Alpaca;

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
    /// <summary>The symbols that can be traded; empty: any symbol (an unknown one then has no quote).</summary>
    public IReadOnlyList<string> Symbols { get; init; } = [];

    /// <summary>Whether sells may exceed the holding (open or add to a short position).</summary>
    public bool AllowShort { get; init; }

    /// <summary>Whether quantities may have a fractional part.</summary>
    public bool AllowFractional { get; init; }

    /// <summary>UTC time of day at which the trading day ends: day orders expire then.</summary>
    public TimeSpan SessionClose { get; init; } = TimeSpan.FromHours(21);

    /// <summary>Finished orders an account keeps (working orders are always kept).</summary>
    public int OrderHistorySize { get; init; } = 500;

    /// <summary>Fills an account keeps in its trade history.</summary>
    public int TradeHistorySize { get; init; } = 500;

    /// <summary>Minute bars a ticker keeps.</summary>
    public int BarWindow { get; init; } = 600;

    /// <summary>Between two value-history points made by revaluations at least this much time passes (fills always add one).</summary>
    public TimeSpan ValueHistoryInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Points a portfolio keeps in its value history.</summary>
    public int ValueHistorySize { get; init; } = 2000;

    /// <summary>Forwarding of accepted orders to Alpaca's paper-trading API; null: off (the default).</summary>
    public AlpacaBrokerSettings? Alpaca { get; init; }

    /// <summary>Whether the account asks the pre-trade check entity before accepting an order (off: nothing changes).</summary>
    public bool PreTradeCheck { get; init; }

    /// <summary>The shard type name of the pre-trade check entity (id = user id), asked with <see cref="PreTradeCheckRequest"/>.</summary>
    public string PreTradeCheckEntity { get; init; } = "risk";

    /// <summary>How long an order waits for the pre-trade check before it is rejected.</summary>
    public TimeSpan PreTradeCheckTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Reads the section, with defaults for missing keys; PBKDF2 iterations never go under 100,000.</summary>
    public static TradingSettings From(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        const string p = "serenity.trading.";
        IReadOnlyList<string> symbols = config.HasPath(p + "symbols")
            ? config.GetStringList(p + "symbols")
            : config.GetStringList("serenity.market-data.symbols", []);
        return new TradingSettings(
            config.GetDecimal(p + "starting-cash", 100_000m),
            Math.Max(100_000, config.GetInt(p + "password-iterations", 100_000)),
            Math.Max(1, config.GetInt(p + "max-failed-logins", 5)),
            config.GetTimeSpan(p + "lockout-duration", TimeSpan.FromMinutes(15)),
            config.GetTimeSpan(p + "ticker-snapshot-interval", TimeSpan.FromSeconds(30)),
            config.GetTimeSpan(p + "redeliver-interval", TimeSpan.FromSeconds(2)),
            config.GetTimeSpan(p + "quote-timeout", TimeSpan.FromSeconds(5)),
            Math.Max(1, config.GetInt(p + "snapshot-every", 1000)))
        {
            Symbols = [.. symbols.Select(s => s.Trim().ToUpperInvariant()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)],
            AllowShort = config.GetBoolean(p + "allow-short", false),
            AllowFractional = config.GetBoolean(p + "allow-fractional", false),
            SessionClose = ParseTimeOfDay(config, p + "session-close", TimeSpan.FromHours(21)),
            OrderHistorySize = Math.Max(1, config.GetInt(p + "order-history-size", 500)),
            TradeHistorySize = Math.Max(1, config.GetInt(p + "trade-history-size", 500)),
            BarWindow = Math.Max(20, config.GetInt(p + "bar-window", 600)),
            ValueHistoryInterval = config.GetTimeSpan(p + "value-history-interval", TimeSpan.FromMinutes(1)),
            ValueHistorySize = Math.Max(2, config.GetInt(p + "value-history-size", 2000)),
            Alpaca = AlpacaBrokerSettings.From(config),
            PreTradeCheck = config.GetBoolean(p + "pre-trade-check", false),
            PreTradeCheckEntity = config.GetString(p + "pre-trade-check-entity", "risk"),
            PreTradeCheckTimeout = config.GetTimeSpan(p + "pre-trade-check-timeout", TimeSpan.FromSeconds(2)),
        };
    }

    /// <summary>Whether <paramref name="symbol"/> may be traded.</summary>
    public bool IsKnownSymbol(string symbol) => Symbols.Count == 0 || Symbols.Contains(symbol, StringComparer.Ordinal);

    /// <summary>The end of the trading day that <paramref name="utc"/> belongs to (the first session close after it).</summary>
    public DateTime SessionEndAfter(DateTime utc)
    {
        var close = utc.Date + SessionClose;
        return utc < close ? close : close.AddDays(1);
    }

    private static TimeSpan ParseTimeOfDay(Config config, string path, TimeSpan fallback)
    {
        if (!config.HasPath(path)) return fallback;
        var text = config.GetString(path);
        if (TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return t.ToTimeSpan();
        throw new ConfigException(path, $"{path} ({config.OriginOf(path) ?? "?"}): expected a UTC time of day like \"21:00\", found \"{text}\"");
    }
}
