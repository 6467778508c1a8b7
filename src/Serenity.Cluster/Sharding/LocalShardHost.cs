using Serenity.Actors;

namespace Serenity.Cluster.Sharding;

/// <summary>
/// The in-process entity host: the local provider's region, and on a cluster node the host of the shards
/// the node owns. It creates entities on their first message, routes by id, passivates, and stops a
/// whole shard on <see cref="StopShardEntities"/>.
/// </summary>
public static class LocalShardHost
{
    /// <summary>Props of a host for <paramref name="typeName"/>.</summary>
    public static Props Props(string typeName, Func<string, Props> entityProps, IMessageExtractor extractor, TimeSpan? passivateIdleAfter, int numberOfShards)
    {
        ArgumentException.ThrowIfNullOrEmpty(typeName);
        ArgumentNullException.ThrowIfNull(entityProps);
        ArgumentNullException.ThrowIfNull(extractor);
        return Actors.Props.Create(() => new ShardRegionActor(typeName, entityProps, extractor, passivateIdleAfter, numberOfShards, null));
    }
}
