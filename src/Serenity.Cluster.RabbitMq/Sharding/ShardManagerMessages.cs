namespace Serenity.Cluster.RabbitMq.Sharding;

/// <summary>Renew, check, acquire and rebalance now (sent by the manager's timer).</summary>
internal sealed class ShardTick
{
    public static readonly ShardTick Instance = new();
}

/// <summary>Give up every shard at once (the broker connection dropped, or this node was downed).</summary>
internal sealed class DropAllShards
{
    public static readonly DropAllShards Instance = new();
}

/// <summary>Asks a manager which shards it owns; answered with <see cref="OwnedShards"/>.</summary>
internal sealed class GetOwnedShards
{
    public static readonly GetOwnedShards Instance = new();
}

/// <summary>The shards a manager owns, with their epochs.</summary>
internal sealed record OwnedShards(string TypeName, IReadOnlyDictionary<string, long> Epochs);
