using System.Collections.Concurrent;
using Serenity.Actors;

namespace Serenity.Cluster.Sharding;

/// <summary>
/// The open <see cref="EntityRoute"/>s of one local region, by entity id, and the rule that keeps the fast
/// path in order: a sender may Tell an entity directly only while no message counted on its way through
/// the region is still waiting there. So whatever a sender sent through the region earlier (the entity was
/// starting or passivating) has been forwarded or buffered before its next message can go direct.
/// </summary>
internal sealed class EntityRoutes(TimeProvider? idleClock)
{
    private readonly ConcurrentDictionary<string, EntityRoute> _open = new(StringComparer.Ordinal);
    private int _inRegion;

    /// <summary>Tells the entity directly if it has an open route, or through <paramref name="region"/>; <paramref name="cached"/> keeps the route for the next call.</summary>
    public void Tell(IActorRef region, string entityId, ref EntityRoute? cached, object message, IActorRef? sender)
    {
        if (Volatile.Read(ref _inRegion) == 0)
        {
            var route = cached is { IsClosed: false } ? cached : cached = _open.GetValueOrDefault(entityId);
            if (route is not null && route.TryTell(message, sender, idleClock)) return;
        }
        Interlocked.Increment(ref _inRegion);
        region.Tell(new CountedEnvelope(entityId, message), sender);
    }

    /// <summary>Region side: a <see cref="CountedEnvelope"/> has been forwarded, buffered or answered.</summary>
    public void Routed() => Interlocked.Decrement(ref _inRegion);

    /// <summary>Region side: opens the direct way to <paramref name="entity"/>'s current incarnation.</summary>
    public EntityRoute Open(string entityId, IActorRef entity)
    {
        var route = new EntityRoute(entity);
        _open[entityId] = route;
        return route;
    }

    /// <summary>Region side: closes <paramref name="route"/> (see <see cref="EntityRoute.Close"/>) and forgets it.</summary>
    public void Close(string entityId, EntityRoute route)
    {
        _open.TryRemove(new KeyValuePair<string, EntityRoute>(entityId, route));
        route.Close();
    }
}

/// <summary>A message an <see cref="EntityRef"/> sent through the local region, counted by <see cref="EntityRoutes"/>.</summary>
internal sealed record CountedEnvelope(string EntityId, object Message);
