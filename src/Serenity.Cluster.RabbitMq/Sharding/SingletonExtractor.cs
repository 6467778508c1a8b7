using Serenity.Cluster.Sharding;

namespace Serenity.Cluster.RabbitMq.Sharding;

/// <summary>A singleton is a one-shard, one-entity type: every message goes to the entity "singleton".</summary>
internal sealed class SingletonExtractor() : HashCodeMessageExtractor(1)
{
    /// <summary>The singleton's entity id.</summary>
    public const string Id = "singleton";

    /// <inheritdoc />
    public override string? EntityId(object message) => Id;

    /// <inheritdoc />
    public override object EntityMessage(object message) => message is ShardingEnvelope e ? e.Message : message;
}
