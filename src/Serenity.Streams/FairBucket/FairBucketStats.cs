namespace Serenity.Streams.FairBucket;

/// <summary>
/// One key's counters at a moment. <see cref="Accepted"/> = <see cref="Delivered"/> + <see cref="Conflated"/> +
/// <see cref="QueueLength"/>; <see cref="Dropped"/> counts arrivals over the threshold.
/// </summary>
/// <param name="Key">The key.</param>
/// <param name="Accepted">Elements let into the key's queue.</param>
/// <param name="Dropped">Elements refused because the queue was at the threshold.</param>
/// <param name="Conflated">Queued elements replaced by a newer one (conflating mode).</param>
/// <param name="Delivered">Elements sent downstream.</param>
/// <param name="QueueLength">Elements waiting now.</param>
/// <param name="Threshold">The accept threshold now (idle capacity up to max capacity).</param>
/// <param name="Staleness">Time since the key's last delivery (since its first element if none yet).</param>
/// <param name="LastWait">How long the last delivered element waited in the queue.</param>
public sealed record FairBucketKeyStats<TKey>(
    TKey Key,
    long Accepted,
    long Dropped,
    long Conflated,
    long Delivered,
    int QueueLength,
    int Threshold,
    TimeSpan Staleness,
    TimeSpan LastWait);

/// <summary>Every key's counters, read at <see cref="Time"/>.</summary>
public sealed record FairBucketSnapshot<TKey>(DateTimeOffset Time, IReadOnlyList<FairBucketKeyStats<TKey>> Keys)
{
    /// <summary>Elements accepted over all keys.</summary>
    public long Accepted => Keys.Sum(k => k.Accepted);

    /// <summary>Elements dropped over all keys.</summary>
    public long Dropped => Keys.Sum(k => k.Dropped);

    /// <summary>Elements delivered over all keys.</summary>
    public long Delivered => Keys.Sum(k => k.Delivered);

    /// <summary>Elements waiting over all keys.</summary>
    public long QueueLength => Keys.Sum(k => (long)k.QueueLength);
}

/// <summary>
/// Live statistics of a running fair bucket (its materialized value). Thread-safe: read it from anywhere
/// while the stream runs; each key's figures are read without stopping the stream, so a snapshot is
/// consistent per field rather than across fields.
/// </summary>
public interface IFairBucketStats<TKey> where TKey : notnull
{
    /// <summary>Keys seen so far.</summary>
    int KeyCount { get; }

    /// <summary>Every key's counters now.</summary>
    FairBucketSnapshot<TKey> Snapshot();

    /// <summary>One key's counters now, or null if the key has not been seen.</summary>
    FairBucketKeyStats<TKey>? Get(TKey key);
}
