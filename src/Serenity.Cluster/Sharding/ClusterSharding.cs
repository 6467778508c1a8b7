using System.Collections.Concurrent;
using Serenity.Actors;
using Serenity.Cluster.Provider;

namespace Serenity.Cluster.Sharding;

/// <summary>
/// Entities by type and id (Akka's ClusterSharding): every ticker, account, portfolio and risk entity is
/// reached through this API, also on a single node, so cluster mode changes no domain code.
/// </summary>
public sealed class ClusterSharding
{
    private readonly ActorSystem _system;
    private readonly ConcurrentDictionary<string, Lazy<Region>> _regions = new(StringComparer.Ordinal);

    private ClusterSharding(ActorSystem system)
    {
        _system = system;
        var config = system.Settings.Config;
        NumberOfShards = config.GetInt("serenity.cluster.sharding.number-of-shards");
        var idle = config.GetString("serenity.cluster.sharding.passivate-idle-after");
        PassivateIdleAfter = idle is "off" or "false" ? null : config.GetTimeSpan("serenity.cluster.sharding.passivate-idle-after");
    }

    /// <summary>The system's sharding.</summary>
    public static ClusterSharding Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetOrAddExtension(static s => new ClusterSharding(s));
    }

    /// <summary>Shards per entity type (<c>serenity.cluster.sharding.number-of-shards</c>).</summary>
    public int NumberOfShards { get; }

    /// <summary>Idle entities are passivated after this long (<c>off</c>: never).</summary>
    public TimeSpan? PassivateIdleAfter { get; }

    /// <summary>Entity types started so far.</summary>
    public IReadOnlyCollection<string> ShardTypeNames => _regions.Keys.ToArray();

    /// <summary>Starts (once) the region of <paramref name="typeName"/>; entities are created with <paramref name="entityProps"/> of their id.</summary>
    public IActorRef Start(string typeName, Func<string, Props> entityProps, IMessageExtractor? extractor = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(typeName);
        ArgumentNullException.ThrowIfNull(entityProps);
        var chosen = extractor ?? new HashCodeMessageExtractor(NumberOfShards);
        var provider = ClusterProvider.Get(_system).Provider;
        return _regions.GetOrAdd(typeName, name => new Lazy<Region>(() => new Region(provider is not null
            ? provider.StartRegion(name, entityProps, chosen, new ShardingOptions(NumberOfShards, PassivateIdleAfter))
            : ((ActorSystemImpl)_system).SystemActorOf(LocalShardHost.Props(name, entityProps, chosen, PassivateIdleAfter, NumberOfShards), "sharding-" + Uri.EscapeDataString(name))))).Value.Ref;
    }

    /// <summary>The region of a started type.</summary>
    public IActorRef ShardRegion(string typeName) =>
        _regions.TryGetValue(typeName, out var r)
            ? r.Value.Ref
            : throw new ArgumentException($"Sharding for entity type '{typeName}' has not been started (call ClusterSharding.Start first)", nameof(typeName));

    /// <summary>A handle to one entity: Tell and Ask go to it wherever it lives.</summary>
    public EntityRef EntityRefFor(string typeName, string entityId)
    {
        ArgumentException.ThrowIfNullOrEmpty(entityId);
        return new EntityRef(typeName, entityId, ShardRegion(typeName));
    }

    private sealed record Region(IActorRef Ref);
}

/// <summary>One entity, by type and id.</summary>
public sealed class EntityRef(string typeName, string entityId, IActorRef region) : ICanTell
{
    /// <summary>The entity type.</summary>
    public string TypeName { get; } = typeName;

    /// <summary>The entity id.</summary>
    public string EntityId { get; } = entityId;

    /// <inheritdoc />
    public void Tell(object message, IActorRef? sender) => region.Tell(new ShardingEnvelope(EntityId, message), sender);

    /// <summary>Asks the entity; its reply completes the task.</summary>
    public Task<T> Ask<T>(object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        region.Ask<T>(new ShardingEnvelope(EntityId, message), timeout, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"EntityRef({TypeName}/{EntityId})";
}
