using Serenity.Actors;
using Serenity.Cluster.Sharding;

namespace Serenity.Cluster.Provider;

/// <summary>
/// What a cluster provider (<c>serenity.actor.provider = cluster</c>) plugs in behind
/// <see cref="PubSub.DistributedPubSub"/> and <see cref="ClusterSharding"/>: the domain keeps calling the
/// same APIs, the provider carries them between nodes. The implementation lives in a plugin
/// (<c>serenity.cluster.provider-class</c>), so this project references no transport library.
/// </summary>
public interface IClusterProvider
{
    /// <summary>Sends <paramref name="message"/> to the subscribers of <paramref name="topic"/> on every node (this one included).</summary>
    void Publish(string topic, object message, IActorRef? sender);

    /// <summary>This node got its first local subscriber of <paramref name="topic"/>; completes once remote publishes reach it.</summary>
    Task TopicSubscribedAsync(string topic);

    /// <summary>This node's last local subscriber of <paramref name="topic"/> left.</summary>
    Task TopicUnsubscribedAsync(string topic);

    /// <summary>
    /// Starts this node's region of <paramref name="typeName"/>: a ref that routes every message for an
    /// entity to the node that owns the entity's shard, and (on nodes with the sharding role) hosts
    /// the shards this node owns, creating entities with <paramref name="entityProps"/>.
    /// </summary>
    IActorRef StartRegion(string typeName, Func<string, Props> entityProps, IMessageExtractor extractor, ShardingOptions options);

    /// <summary>
    /// Starts this node's part of the singleton <paramref name="name"/>: on nodes with
    /// <paramref name="role"/>, a manager that runs it while holding its lease; on every node, the
    /// returned proxy, which sends to wherever it runs and keeps at most <paramref name="bufferSize"/>
    /// messages waiting while it moves (more are refused: the sender gets a failure).
    /// </summary>
    IActorRef StartSingleton(string name, Props props, string? role, int bufferSize);

    /// <summary>
    /// Leaves the cluster gracefully before the node stops: takes no more shards, hands off every shard and
    /// singleton it runs (stops consuming, finishes in-flight messages, stops their entities, releases the
    /// leases so others take over at once), then marks itself removed. Completes when done or after
    /// <paramref name="timeout"/>; terminate the actor system afterwards.
    /// </summary>
    Task LeaveAsync(TimeSpan timeout);
}

/// <summary>The sharding settings of one entity type, as <see cref="ClusterSharding"/> read them.</summary>
/// <param name="NumberOfShards">Fixed shard count of the type.</param>
/// <param name="PassivateIdleAfter">Idle entities stop after this long (null: never).</param>
public sealed record ShardingOptions(int NumberOfShards, TimeSpan? PassivateIdleAfter);
