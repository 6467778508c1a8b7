using System.Globalization;
using RabbitMQ.Client;

namespace Serenity.Cluster.RabbitMq.Sharding;

/// <summary>Queue and lease names of one entity type's shards, and the queue declaration every node uses.</summary>
/// <param name="cluster">The cluster name (prefix of the queues).</param>
/// <param name="typeName">The entity type.</param>
/// <param name="numberOfShards">Shards of the type.</param>
/// <param name="maxLength">Bounded queues (singletons): publishes beyond this many waiting messages are refused.</param>
internal sealed class ShardNames(string cluster, string typeName, int numberOfShards, int? maxLength = null)
{
    /// <summary>Queues are declared single-active-consumer: a stale consumer can never run beside the owner's.</summary>
    private readonly Dictionary<string, object?> _queueArguments = maxLength is { } max
        ? new(StringComparer.Ordinal) { ["x-single-active-consumer"] = true, ["x-max-length"] = max, ["x-overflow"] = "reject-publish" }
        : new(StringComparer.Ordinal) { ["x-single-active-consumer"] = true };

    /// <summary>The entity type.</summary>
    public string TypeName { get; } = typeName;

    /// <summary>
    /// True if several messages may share one AMQP message (<see cref="Transport.BatchCodec"/>); not for bounded
    /// queues, whose length limit counts the messages waiting.
    /// </summary>
    public bool Batchable { get; } = maxLength is null;

    /// <summary>Shards of the type.</summary>
    public int NumberOfShards { get; } = numberOfShards;

    /// <summary>Every shard id ("0" .. n-1).</summary>
    public IEnumerable<string> ShardIds => Enumerable.Range(0, NumberOfShards).Select(k => k.ToString(CultureInfo.InvariantCulture));

    /// <summary>Prefix of the type's lease names.</summary>
    public string LeasePrefix => $"shard:{TypeName}:";

    /// <summary>The durable queue of a shard.</summary>
    public string Queue(string shardId) => $"{cluster}.shard.{TypeName}.{shardId}";

    /// <summary>The lease of a shard.</summary>
    public string Lease(string shardId) => LeasePrefix + shardId;

    /// <summary>The shard of a lease name.</summary>
    public string ShardOfLease(string lease) => lease[LeasePrefix.Length..];

    /// <summary>Declares every shard queue (idempotent).</summary>
    public async Task DeclareQueuesAsync(IConnection connection)
    {
        await using var channel = await connection.CreateChannelAsync().ConfigureAwait(false);
        foreach (var shard in ShardIds)
        {
            await channel.QueueDeclareAsync(Queue(shard), durable: true, exclusive: false, autoDelete: false, arguments: _queueArguments).ConfigureAwait(false);
        }
    }
}
