using System.Runtime.CompilerServices;
using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.MarketData.Alpaca;
using Serenity.MarketData.Graph;
using Serenity.MarketData.Wire;
using Serenity.Streams;
using Serenity.Streams.Dsl;

namespace Serenity.MarketData.Configuration;

/// <summary>
/// The whole of market data for a host: reads <c>serenity.market-data</c> from the system's config, builds
/// the configured feed and runs the graph into the system's pub/sub (<c>quotes.{SYM}</c>, <c>bars.{SYM}</c>).
/// </summary>
public static class MarketDataPipeline
{
    /// <summary>Starts the pipeline on <paramref name="system"/>'s clock and materializer; it runs as long as the system.</summary>
    public static MarketDataGraphHandle Run(ActorSystem system)
    {
        var running = Start(system);
        // By then the graph's actors are gone: close the feed without waiting for a drain that cannot come.
        system.RegisterOnTermination(async () => await running.StopAsync(TimeSpan.Zero));
        return running.Handle;
    }

    /// <summary>
    /// Starts the pipeline; disposing the result stops it (the feed ends, the graph publishes what it holds and
    /// completes, the feed's connection closes), e.g. when the <c>ingest</c> singleton moves to another node.
    /// </summary>
    public static RunningMarketData Start(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        MarketDataSerialization.Register(system); // in cluster mode what it publishes crosses nodes
        var settings = MarketDataSettings.Create(system.Settings.Config);
        var feed = MarketDataFeeds.Create(settings, system.Clock);
        var stop = new CancellationTokenSource();
        var source = Source.FromGraph(new FeedSource<MarketDataMessage>(token => Until(feed, stop.Token, token)));
        var handle = MarketDataGraph.Create(source, settings.Graph, new PubSubMarketDataPublisher(DistributedPubSub.Get(system)), system.Clock)
            .Run(system.Materializer());
        if (feed is AlpacaStreamClient client)
        {
            // The Alpaca connection's state and events, followed as long as the pipeline runs.
            handle = handle with { Connection = StreamConnectionStatus.Follow(client, system.Clock, stop.Token) };
        }
        return new RunningMarketData(handle, stop, feed as IAsyncDisposable);
    }

    /// <summary>The feed's messages until <paramref name="stop"/> (then it simply ends) or the graph cancels.</summary>
    private static async IAsyncEnumerable<MarketDataMessage> Until(IMarketDataFeed feed, CancellationToken stop, [EnumeratorCancellation] CancellationToken cancel)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(stop, cancel);
        await using var messages = feed.ReadAllAsync(both.Token).GetAsyncEnumerator(both.Token);
        while (true)
        {
            bool more;
            try
            {
                more = await messages.MoveNextAsync();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                yield break;
            }
            if (!more) yield break;
            yield return messages.Current;
        }
    }
}

/// <summary>A running market-data pipeline; <see cref="DisposeAsync"/> stops it and closes the feed.</summary>
public sealed class RunningMarketData : IAsyncDisposable
{
    private static readonly TimeSpan s_drain = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _stop;
    private readonly IAsyncDisposable? _feed;
    private int _disposed;

    internal RunningMarketData(MarketDataGraphHandle handle, CancellationTokenSource stop, IAsyncDisposable? feed)
    {
        Handle = handle;
        _stop = stop;
        _feed = feed;
    }

    /// <summary>The running graph's statistics and completion.</summary>
    public MarketDataGraphHandle Handle { get; }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => StopAsync(s_drain);

    /// <summary>Ends the feed, waits at most <paramref name="drain"/> for the graph to publish what it holds, closes the feed.</summary>
    internal async ValueTask StopAsync(TimeSpan drain)
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _stop.CancelAsync();
        try
        {
            if (drain > TimeSpan.Zero) await Handle.Completion.WaitAsync(drain);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The graph did not finish in time, or failed (reported where it runs): the feed is closed regardless.
        }
        if (_feed is not null) await _feed.DisposeAsync(); // e.g. the Alpaca connection: one per key pair
        _stop.Dispose();
    }
}
