using Serenity.Hocon;
using Serenity.MarketData.Alpaca;
using Serenity.MarketData.Replay;
using Serenity.MarketData.Simulation;

namespace Serenity.MarketData.Configuration;

/// <summary>Builds the configured feed: simulator, Alpaca stream (subscribed to every symbol) or replay.</summary>
public static class MarketDataFeeds
{
    /// <summary>The feed of <paramref name="settings"/>, timed by <paramref name="clock"/>.</summary>
    public static IMarketDataFeed Create(MarketDataSettings settings, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Source switch
        {
            MarketDataSourceKind.Simulator => new SimulatedFeed(settings.Simulator, clock),
            MarketDataSourceKind.Replay => ReplayFeed.FromCsvFiles(settings.ReplayFiles, settings.ReplaySpeed, clock),
            _ => Alpaca(settings, clock),
        };
    }

    private static AlpacaStreamClient Alpaca(MarketDataSettings settings, TimeProvider clock)
    {
        var credentials = settings.Credentials ?? throw new ConfigException(
            MarketDataSettings.Path + ".alpaca.key-id",
            $"{MarketDataSettings.Path}.source = alpaca needs the environment variables {AlpacaCredentials.KeyIdVariable} and {AlpacaCredentials.SecretKeyVariable}");
        var client = new AlpacaStreamClient(new AlpacaStreamOptions
        {
            Endpoint = settings.StreamUri,
            Credentials = credentials,
            Clock = clock,
            Backoff = settings.Backoff,
            ConnectionLimitBackoff = settings.ConnectionLimitBackoff,
            StallTimeout = settings.StallTimeout,
            KeepAliveInterval = settings.KeepAlive,
            BufferCapacity = settings.BufferSize,
        });
        // Recorded before the connection exists: sent on every (re)connect.
        _ = client.SubscribeAsync(settings.Symbols, [.. settings.Channels]);
        return client;
    }
}
