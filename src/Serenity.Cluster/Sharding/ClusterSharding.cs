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
        return _regions.GetOrAdd(typeName, name => new Lazy<Region>(() => provider is not null
            ? new Region(provider.StartRegion(name, entityProps, chosen, new ShardingOptions(NumberOfShards, PassivateIdleAfter)), null)
            : StartLocal(name, entityProps, chosen))).Value.Ref;
    }

    // The local provider's region, with the direct routes its EntityRefs use to skip the region's hop.
    private Region StartLocal(string typeName, Func<string, Props> entityProps, IMessageExtractor extractor)
    {
        var routes = new EntityRoutes(PassivateIdleAfter is null ? null : _system.Clock);
        var props = Props.Create(() => new ShardRegionActor(typeName, entityProps, extractor, PassivateIdleAfter, NumberOfShards, routes));
        return new Region(((ActorSystemImpl)_system).SystemActorOf(props, "sharding-" + Uri.EscapeDataString(typeName)), routes);
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
        if (!_regions.TryGetValue(typeName, out var region)) return new EntityRef(typeName, entityId, ShardRegion(typeName)); // throws the clear error
        return new EntityRef(typeName, entityId, region.Value.Ref, region.Value.Routes, _system);
    }

    private sealed record Region(IActorRef Ref, EntityRoutes? Routes);
}
