using System.Collections.Concurrent;
using System.Diagnostics;
using RabbitMQ.Client;

namespace Serenity.Cluster.RabbitMq.Sharding;

/// <summary>
/// A shard this node holds the lease of: its consuming channel, its epoch, until when (on this node's
/// monotonic clock, counted from before the renewal was sent) the lease is certainly still ours, and
/// how many deliveries are in flight (delivered to an entity, not yet acknowledged).
/// </summary>
internal sealed class OwnedShard(string shardId, long epoch, IChannel channel)
{
    private long _validUntil;
    private int _inFlight;
    private TaskCompletionSource? _drained;

    /// <summary>The shard.</summary>
    public string ShardId { get; } = shardId;

    /// <summary>The lease epoch this node took it with.</summary>
    public long Epoch { get; } = epoch;

    /// <summary>The channel consuming the shard's queue.</summary>
    public IChannel Channel { get; } = channel;

    /// <summary>Deliveries not yet acknowledged, by delivery tag.</summary>
    public ConcurrentDictionary<ulong, ShardDelivery> Pending { get; } = new();

    /// <summary>The consumer's tag once consuming.</summary>
    public string? ConsumerTag { get; set; }

    /// <summary>True while the lease certainly runs and the shard is not being given up.</summary>
    public bool IsValid => Stopwatch.GetTimestamp() < Volatile.Read(ref _validUntil);

    /// <summary>Deliveries not yet acknowledged.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The lease runs at least until <paramref name="timestamp"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void ValidUntil(long timestamp) => Volatile.Write(ref _validUntil, timestamp);

    /// <summary>Stops accepting deliveries at once.</summary>
    public void Invalidate() => Volatile.Write(ref _validUntil, long.MinValue);

    /// <summary>A delivery went to an entity.</summary>
    public void Started() => Interlocked.Increment(ref _inFlight);

    /// <summary>A delivery was acknowledged (or given up).</summary>
    public void Finished()
    {
        if (Interlocked.Decrement(ref _inFlight) == 0) Volatile.Read(ref _drained)?.TrySetResult();
    }

    /// <summary>Completes when no delivery is in flight, or after <paramref name="timeout"/>; true if drained.</summary>
    public async Task<bool> DrainAsync(TimeSpan timeout)
    {
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _drained, drained);
        if (InFlight == 0) return true;
        try
        {
            await drained.Task.WaitAsync(timeout).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return InFlight == 0;
        }
    }
}
