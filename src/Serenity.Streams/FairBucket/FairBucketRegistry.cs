using System.Collections.Concurrent;
using Serenity.Streams.Implementation;

namespace Serenity.Streams.FairBucket;

/// <summary>
/// The bucket's keys as the statistics see them: an append-only array published to readers (a new key
/// is written before the count that makes it visible; the array is replaced, never changed in place,
/// when it grows) and a concurrent index for lookups. The interpreter's own per-element lookup uses a
/// plain dictionary; this is touched once per new key.
/// </summary>
internal sealed class FairBucketRegistry<T, TKey> : IFairBucketStats<TKey> where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, KeyState<T, TKey>> _index = new();
    private readonly TimeProvider _clock;
    private readonly FairLeakyBucketSettings _settings;
    private KeyState<T, TKey>[] _keys = new KeyState<T, TKey>[16];
    private int _count;

    public FairBucketRegistry(TimeProvider clock, FairLeakyBucketSettings settings)
    {
        _clock = clock;
        _settings = settings;
        RefreshUnits = Timestamps.ToTimestampUnits(clock, settings.RefreshInterval);
    }

    /// <summary>The refresh interval in clock timestamp units.</summary>
    public long RefreshUnits { get; }

    public int KeyCount => Volatile.Read(ref _count);

    /// <summary>Publishes a new key (interpreter only).</summary>
    public void Add(KeyState<T, TKey> state)
    {
        var keys = _keys;
        if (_count == keys.Length)
        {
            var bigger = new KeyState<T, TKey>[keys.Length * 2];
            Array.Copy(keys, bigger, _count);
            Volatile.Write(ref _keys, bigger);
            keys = bigger;
        }
        keys[_count] = state;
        Volatile.Write(ref _count, _count + 1);
        _index[state.Key] = state;
    }

    public FairBucketSnapshot<TKey> Snapshot()
    {
        var count = Volatile.Read(ref _count);
        var keys = Volatile.Read(ref _keys);
        var now = _clock.GetTimestamp();
        var stats = new FairBucketKeyStats<TKey>[count];
        for (var i = 0; i < count; i++) stats[i] = Read(keys[i], now);
        return new FairBucketSnapshot<TKey>(_clock.GetUtcNow(), stats);
    }

    public FairBucketKeyStats<TKey>? Get(TKey key) =>
        _index.TryGetValue(key, out var state) ? Read(state, _clock.GetTimestamp()) : null;

    /// <summary>
    /// The threshold including growth not yet applied: growth is computed lazily when the interpreter
    /// touches the key, so a reader adds what has accrued since.
    /// </summary>
    public int EffectiveThreshold(KeyState<T, TKey> state, int queueLength, long now)
    {
        var threshold = Volatile.Read(ref state.Threshold);
        if (_settings.Conflate) return 1;
        if (queueLength > _settings.IdleCapacity) return threshold;
        var grown = (now - Volatile.Read(ref state.GrowthAnchor)) / RefreshUnits;
        return (int)Math.Min(_settings.MaxCapacity, threshold + Math.Max(0, grown));
    }

    private FairBucketKeyStats<TKey> Read(KeyState<T, TKey> state, long now)
    {
        // An element is counted accepted before it can be delivered, and the counters only grow: reading
        // the later stages first keeps Delivered <= Accepted in every snapshot.
        var delivered = Volatile.Read(ref state.Delivered);
        var conflated = Volatile.Read(ref state.Conflated);
        var queueLength = Volatile.Read(ref state.QueueLength);
        var accepted = Volatile.Read(ref state.Accepted);
        var dropped = Volatile.Read(ref state.Dropped);
        var lastDelivery = Volatile.Read(ref state.LastDelivery);
        var since = lastDelivery == long.MinValue ? state.FirstSeen : lastDelivery;
        return new FairBucketKeyStats<TKey>(
            state.Key,
            accepted,
            dropped,
            conflated,
            delivered,
            queueLength,
            EffectiveThreshold(state, queueLength, now),
            Timestamps.ToTimeSpan(_clock, Math.Max(0, now - since)),
            Timestamps.ToTimeSpan(_clock, Volatile.Read(ref state.LastWait)));
    }
}
