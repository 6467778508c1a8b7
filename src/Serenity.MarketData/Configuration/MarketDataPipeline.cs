using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.MarketData.Graph;
using Serenity.MarketData.Wire;
using Serenity.Streams;

namespace Serenity.MarketData.Configuration;

/// <summary>
/// The whole of market data for a host: reads <c>serenity.market-data</c> from the system's config, builds
/// the configured feed and runs the graph into the system's pub/sub (<c>quotes.{SYM}</c>, <c>bars.{SYM}</c>).
/// </summary>
public static class MarketDataPipeline
{
    /// <summary>Starts the pipeline on <paramref name="system"/>'s clock and materializer.</summary>
    public static MarketDataGraphHandle Run(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        MarketDataSerialization.Register(system); // in cluster mode what it publishes crosses nodes
        var settings = MarketDataSettings.Create(system.Settings.Config);
        var feed = MarketDataFeeds.Create(settings, system.Clock);
        var handle = MarketDataGraph.Create(feed.AsSource(), settings.Graph, new PubSubMarketDataPublisher(DistributedPubSub.Get(system)), system.Clock)
            .Run(system.Materializer());
        if (feed is IAsyncDisposable owned)
        {
            // The Alpaca client's connection lives as long as the system.
            system.RegisterOnTermination(async () => await owned.DisposeAsync());
        }
        return handle;
    }
}
