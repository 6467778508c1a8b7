namespace Serenity.Cluster.Sharding;

/// <summary>
/// Sent by an entity to its parent (<c>Context.Parent</c>) to stop itself safely: messages that arrive
/// meanwhile are kept and go to the next incarnation. The shard sends <see cref="StopMessage"/> to the entity.
/// </summary>
public sealed record Passivate(object StopMessage);

/// <summary>Asks a region how many entities each of its shards holds; answered with <see cref="ShardRegionStats"/>.</summary>
public sealed class GetShardRegionStats
{
    /// <summary>The one instance.</summary>
    public static readonly GetShardRegionStats Instance = new();

    private GetShardRegionStats()
    {
    }
}

/// <summary>Entities per shard of one region.</summary>
public sealed record ShardRegionStats(IReadOnlyDictionary<string, int> Stats)
{
    /// <summary>Entities over all shards.</summary>
    public int EntityCount => Stats.Values.Sum();
}

/// <summary>Asks a region for its live entity ids; answered with <see cref="CurrentEntities"/>.</summary>
public sealed class GetCurrentEntities
{
    /// <summary>The one instance.</summary>
    public static readonly GetCurrentEntities Instance = new();

    private GetCurrentEntities()
    {
    }
}

/// <summary>The entity ids a region holds now.</summary>
public sealed record CurrentEntities(IReadOnlySet<string> EntityIds);

/// <summary>
/// Stops every entity of one shard at once (a hand-off, or a lease the node lost); messages waiting for
/// them are dropped. Answered with <see cref="ShardEntitiesStopped"/> when all have stopped.
/// </summary>
public sealed record StopShardEntities(string ShardId);

/// <summary>Every entity of the shard has stopped.</summary>
public sealed record ShardEntitiesStopped(string ShardId);
