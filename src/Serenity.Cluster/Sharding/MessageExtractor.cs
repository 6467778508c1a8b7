namespace Serenity.Cluster.Sharding;

/// <summary>Tells which entity (and shard) a message is for, and what the entity itself receives.</summary>
public interface IMessageExtractor
{
    /// <summary>The entity id, or null if the message is not for an entity (it becomes unhandled).</summary>
    string? EntityId(object message);

    /// <summary>What the entity receives (e.g. the envelope's payload).</summary>
    object EntityMessage(object message);

    /// <summary>The shard of the message's entity.</summary>
    string ShardId(object message);
}

/// <summary>A message for one entity, when the message itself does not name it.</summary>
public sealed record ShardingEnvelope(string EntityId, object Message);

/// <summary>
/// Shards by a stable hash of the entity id (the same on every node and every run, unlike
/// <see cref="string.GetHashCode()"/>); understands <see cref="ShardingEnvelope"/> out of the box.
/// </summary>
public class HashCodeMessageExtractor(int maxNumberOfShards) : IMessageExtractor
{
    /// <summary>How many shards the entity type has.</summary>
    public int MaxNumberOfShards { get; } = maxNumberOfShards > 0
        ? maxNumberOfShards
        : throw new ArgumentOutOfRangeException(nameof(maxNumberOfShards), maxNumberOfShards, "must be positive");

    /// <inheritdoc />
    public virtual string? EntityId(object message) => (message as ShardingEnvelope)?.EntityId;

    /// <inheritdoc />
    public virtual object EntityMessage(object message) => message is ShardingEnvelope e ? e.Message : message;

    /// <inheritdoc />
    public string ShardId(object message) =>
        EntityId(message) is { } id ? ShardIdFor(id, MaxNumberOfShards) : throw new ArgumentException($"{message.GetType().Name} names no entity", nameof(message));

    /// <summary>The shard of <paramref name="entityId"/>: FNV-1a of its UTF-16 code units, modulo the shard count.</summary>
    public static string ShardIdFor(string entityId, int numberOfShards)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        var hash = 2166136261u;
        foreach (var c in entityId)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (hash % (uint)numberOfShards).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
