using Serenity.Actors;

namespace Serenity.Cluster.Sharding;

/// <summary>
/// The direct way to one live incarnation of a local entity, for <see cref="EntityRef"/>'s fast path: a
/// Tell through it skips the region's hop. The region opens it once the entity runs and closes it for good
/// before the entity is asked to stop (passivation, idle passivation, shard stop), so every message goes
/// either to this incarnation before its stop message or through the region, which buffers it for the next.
/// </summary>
internal sealed class EntityRoute(IActorRef entity)
{
    private const int Closed = 1 << 30;

    /// <summary><see cref="Closed"/>, plus how many senders are inside a direct Tell right now.</summary>
    private int _gate;

    private long _lastDirectTicks;

    public IActorRef Entity { get; } = entity;

    public bool IsClosed => (Volatile.Read(ref _gate) & Closed) != 0;

    /// <summary>UTC ticks of the last direct Tell that recorded its time (see <see cref="TryTell"/>); 0 if none.</summary>
    public long LastDirectTicks => Volatile.Read(ref _lastDirectTicks);

    /// <summary>
    /// Tells the entity unless the route is closed; false if closed (send through the region then).
    /// <paramref name="clock"/>, when idle passivation is on, records the time for it.
    /// </summary>
    public bool TryTell(object message, IActorRef? sender, TimeProvider? clock)
    {
        if ((Interlocked.Increment(ref _gate) & Closed) != 0)
        {
            Interlocked.Decrement(ref _gate);
            return false;
        }
        try
        {
            if (clock is not null) Volatile.Write(ref _lastDirectTicks, clock.GetUtcNow().UtcTicks);
            Entity.Tell(message, sender);
            return true;
        }
        finally
        {
            Interlocked.Decrement(ref _gate);
        }
    }

    /// <summary>
    /// Region side: no direct Tell starts after this, and every one already started has enqueued its
    /// message when it returns (a Tell only enqueues, so the wait is a few instructions long).
    /// </summary>
    public void Close()
    {
        Interlocked.Or(ref _gate, Closed);
        var spin = new SpinWait();
        while ((Volatile.Read(ref _gate) & ~Closed) != 0) spin.SpinOnce();
    }
}
