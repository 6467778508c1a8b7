using Serenity.MarketData.Graph;
using Serenity.Streams.FairBucket;

namespace Serenity.MarketData.Configuration;

/// <summary>The statistics of a node that does not run the ingestor: nothing rationed, no bars built here.</summary>
internal sealed class IdleIngestStats(TimeProvider clock) : IFairBucketStats<string>, IBarStats
{
    public int KeyCount => 0;

    public long LateTradesDropped => 0;

    public long LateTradesAccepted => 0;

    public long BarsEmitted => 0;

    public FairBucketSnapshot<string> Snapshot() => new(clock.GetUtcNow(), []);

    public FairBucketKeyStats<string>? Get(string key) => null;
}
