using Serenity.Actors;

namespace Serenity.Cluster.Sharding;

/// <summary>
/// One entity, by type and id: Tell and Ask go to it wherever it lives. With the local provider, once the
/// entity runs, messages go straight to it rather than through its region (see <see cref="EntityRoutes"/>),
/// with the same order per sender and the same passivation buffering.
/// </summary>
public sealed class EntityRef : ICanTell
{
    private readonly IActorRef _region;
    private readonly EntityRoutes? _routes;
    private readonly ActorSystem? _system;
    private EntityRoute? _route;

    /// <summary>A handle that sends everything through <paramref name="region"/>.</summary>
    public EntityRef(string typeName, string entityId, IActorRef region)
    {
        TypeName = typeName;
        EntityId = entityId;
        _region = region;
    }

    internal EntityRef(string typeName, string entityId, IActorRef region, EntityRoutes? routes, ActorSystem system)
        : this(typeName, entityId, region)
    {
        _routes = routes;
        _system = system;
    }

    /// <summary>The entity type.</summary>
    public string TypeName { get; }

    /// <summary>The entity id.</summary>
    public string EntityId { get; }

    /// <inheritdoc />
    public void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_routes is not null) _routes.Tell(_region, EntityId, ref _route, message, sender);
        else _region.Tell(new ShardingEnvelope(EntityId, message), sender);
    }

    /// <summary>Asks the entity; its reply completes the task.</summary>
    public Task<T> Ask<T>(object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _routes is not null
            ? Futures.AskIn<T>(_system, this, message, timeout, cancellationToken)
            : _region.Ask<T>(new ShardingEnvelope(EntityId, message), timeout, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"EntityRef({TypeName}/{EntityId})";
}
