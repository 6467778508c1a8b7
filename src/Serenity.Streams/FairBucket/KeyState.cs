using Serenity.Streams.Implementation;

namespace Serenity.Streams.FairBucket;

/// <summary>
/// One key of the fair bucket: its queue (or, conflating, its newest element), its adaptive threshold,
/// when it may leak next, and its counters. Only the interpreter writes it; the counters are also read by
/// <see cref="IFairBucketStats{TKey}"/> from other threads (each field on its own, with volatile reads).
/// </summary>
internal sealed class KeyState<T, TKey>
{
    public KeyState(TKey key, int idleCapacity, int maxCapacity, bool conflate, long now)
    {
        Key = key;
        Threshold = idleCapacity;
        GrowthAnchor = now;
        NextAllowed = now;
        FirstSeen = now;
        LastDelivery = long.MinValue;
        if (!conflate) Queue = new RingBuffer<Entry>(maxCapacity, Math.Min(maxCapacity, 4));
    }

    public TKey Key { get; }

    /// <summary>Queued elements with their arrival time; null when conflating.</summary>
    public RingBuffer<Entry>? Queue { get; }

    /// <summary>Conflating: the newest element, if one waits.</summary>
    public Entry Latest;

    public bool HasLatest;

    // Scheduling (interpreter only).
    public long NextAllowed;

    /// <summary>Virtual start tag of the head element (fair queuing); <see cref="Finish"/> is where the last served one ended.</summary>
    public long Tag;
    public long Finish;

    /// <summary>Tie-break among equal tags: the order the key became ready.</summary>
    public long Order;
    public bool InReady;
    public bool InCooldown;
    public long GrowthAnchor;

    // Published (read by the stats from other threads).
    public int Threshold;
    public int QueueLength;
    public long Accepted;
    public long Dropped;
    public long Conflated;
    public long Delivered;
    public long LastDelivery;
    public long LastWait;
    public long FirstSeen;

    /// <summary>An element and when it arrived (clock timestamp).</summary>
    public readonly record struct Entry(T Element, long Arrival);
}
