using Serenity.Actors;
using Serenity.Cluster.Provider;
using Serenity.Cluster.Singleton;
using Serenity.MarketData.Cleaning;
using Serenity.MarketData.Graph;

namespace Serenity.MarketData.Configuration;

/// <summary>
/// Where a node's market data comes from. With the local provider the pipeline simply runs here. In cluster mode
/// it runs as the <c>ingest</c> singleton (<see cref="SingletonName"/>, one feed connection in the whole cluster,
/// on a node with the <see cref="Role"/> role, moved to another such node when its node leaves or dies); every
/// node, this one included, receives its quotes, trades, bars and status changes through pub/sub.
/// </summary>
public sealed class MarketDataIngest
{
    /// <summary>The singleton's name (its lease is <c>shard:singleton-market-data-ingestor:0</c>).</summary>
    public const string SingletonName = "market-data-ingestor";

    /// <summary>The role of the nodes that may run the ingestor.</summary>
    public const string Role = "ingest";

    private readonly MarketDataGraphHandle _idle;
    private volatile MarketDataGraphHandle? _running;

    private MarketDataIngest(TimeProvider clock)
    {
        var none = new IdleIngestStats(clock);
        _idle = new MarketDataGraphHandle(new TaskCompletionSource().Task, new CleaningCounters(), none, none);
    }

    /// <summary>True while the pipeline runs in this process.</summary>
    public bool RunsHere => _running is not null;

    /// <summary>The pipeline running here, or (a cluster node not running it) empty statistics and a completion that never comes.</summary>
    public MarketDataGraphHandle Handle => _running ?? _idle;

    /// <summary>Starts market data for <paramref name="system"/> as its provider wants it.</summary>
    public static MarketDataIngest Start(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var ingest = new MarketDataIngest(system.Clock);
        if (ClusterProvider.Get(system).IsCluster)
        {
            ClusterSingleton.Get(system).Init(SingletonName, MarketDataIngestor.Props(ingest), Role);
        }
        else
        {
            ingest._running = MarketDataPipeline.Run(system);
        }
        return ingest;
    }

    internal void Attach(MarketDataGraphHandle handle) => _running = handle;

    internal void Detach(MarketDataGraphHandle handle) => Interlocked.CompareExchange(ref _running, null, handle);
}
