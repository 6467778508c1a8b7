namespace Serenity.Cluster.PubSub;

/// <summary>
/// Whether any topic under a prefix (e.g. <c>trades.</c>) has a subscriber (from <see cref="DistributedPubSub.WatchPrefix"/>):
/// a publisher of many topics reads it before looking a topic up, and skips that work while nobody can receive.
/// Kept current by the pub/sub as topics gain their first or lose their last subscriber.
/// </summary>
public sealed class TopicPrefixWatch
{
    private readonly bool _cluster;
    private int _topicsWithSubscribers;

    internal TopicPrefixWatch(string prefix, bool cluster)
    {
        Prefix = prefix;
        _cluster = cluster;
    }

    /// <summary>The prefix watched.</summary>
    public string Prefix { get; }

    /// <summary>
    /// True when a publish under the prefix may reach a subscriber: a topic under it has a subscriber in this process,
    /// or the system is clustered (other nodes' subscribers are not known here).
    /// </summary>
    public bool MayReachSubscribers => _cluster || Volatile.Read(ref _topicsWithSubscribers) > 0;

    internal void TopicFilled() => Interlocked.Increment(ref _topicsWithSubscribers);

    internal void TopicEmptied() => Interlocked.Decrement(ref _topicsWithSubscribers);
}
