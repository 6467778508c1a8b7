using Serenity.Hocon;
using Serenity.MarketData.Alpaca;

namespace Serenity.Trading.Alpaca;

/// <summary>
/// Forwarding of accepted orders to Alpaca's paper-trading API (<c>serenity.trading.alpaca</c>): on only when
/// <c>forward = on</c> and a key pair is configured (the keys come from <c>ALPACA_KEY_ID</c> / <c>ALPACA_SECRET_KEY</c>).
/// </summary>
public sealed record AlpacaBrokerSettings(Uri TradingUrl, AlpacaCredentials Credentials)
{
    /// <summary>How long one request may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The forwarding settings, or null when forwarding is off or no keys are configured.</summary>
    public static AlpacaBrokerSettings? From(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        const string p = "serenity.trading.alpaca.";
        if (!config.GetBoolean(p + "forward", false)) return null;
        var key = config.GetString(p + "key-id", "");
        var secret = config.GetString(p + "secret-key", "");
        var credentials = key.Length > 0 && secret.Length > 0 ? new AlpacaCredentials(key, secret) : AlpacaCredentials.FromEnvironment();
        if (credentials is null) return null;
        var url = config.GetString(p + "trading-url", "https://paper-api.alpaca.markets/");
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var uri))
            throw new ConfigException(p + "trading-url", $"{p}trading-url ({config.OriginOf(p + "trading-url") ?? "?"}): expected an absolute URL, found \"{url}\"");
        return new AlpacaBrokerSettings(uri, credentials) { RequestTimeout = config.GetTimeSpan(p + "request-timeout", TimeSpan.FromSeconds(10)) };
    }
}
