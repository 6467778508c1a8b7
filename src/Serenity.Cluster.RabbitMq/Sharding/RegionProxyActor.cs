using RabbitMQ.Client;
using Serenity.Actors;
using Serenity.Cluster.RabbitMq.Transport;
using Serenity.Cluster.Sharding;
using Serenity.Persistence.Serialization;

namespace Serenity.Cluster.RabbitMq.Sharding;

/// <summary>
/// A node's region of one entity type in cluster mode: every message for an entity goes to its shard's
/// queue (persistent, publisher-confirmed), whichever node owns the shard, this one included; a sender
/// that is a real actor gets its replies back through direct reply-to. Stats questions go to the
/// shards this node hosts.
/// </summary>
internal sealed class RegionProxyActor : ReceiveActor
{
    // Read-only once built: every batched message shares them.
    private static readonly BasicProperties s_batchOfTells = new() { DeliveryMode = DeliveryModes.Persistent };
    private static readonly BasicProperties s_batchWithReplies = new() { DeliveryMode = DeliveryModes.Persistent, ReplyTo = RabbitMqNode.DirectReplyTo };
    private readonly RabbitMqNode _node;
    private readonly ShardNames _names;
    private readonly IMessageExtractor _extractor;
    private readonly IActorRef? _host;

    public RegionProxyActor(RabbitMqNode node, ShardNames names, IMessageExtractor extractor, IActorRef? host)
    {
        _node = node;
        _names = names;
        _extractor = extractor;
        _host = host;
        Receive<GetShardRegionStats>(m => Ask(m, new ShardRegionStats(new Dictionary<string, int>(StringComparer.Ordinal))));
        Receive<GetCurrentEntities>(m => Ask(m, new CurrentEntities(new HashSet<string>(StringComparer.Ordinal))));
        ReceiveAny(Route);
    }

    private void Ask(object question, object empty)
    {
        if (_host is null) Sender.Tell(empty, Self);
        else _host.Forward(question);
    }

    private void Route(object message)
    {
        var (id, payload) = message is ShardingEnvelope e ? (e.EntityId, e.Message) : (_extractor.EntityId(message), _extractor.EntityMessage(message));
        if (id is null)
        {
            Unhandled(message);
            return;
        }
        var shard = message is ShardingEnvelope && _extractor is not HashCodeMessageExtractor
            ? HashCodeMessageExtractor.ShardIdFor(id, _names.NumberOfShards)
            : _extractor is HashCodeMessageExtractor h ? HashCodeMessageExtractor.ShardIdFor(id, h.MaxNumberOfShards) : _extractor.ShardId(message);
        string manifest;
        byte[] body;
        try
        {
            (manifest, body) = _node.Codec.Encode(payload);
        }
        catch (NotRegisteredException failure)
        {
            Context.GetLogger().Error(failure, $"{_names.TypeName}: cannot send {payload.GetType().Name} to '{id}' across the cluster: {failure.Message}");
            Sender.Tell(new Status.Failure(failure), Self);
            return;
        }
        var correlationId = !Sender.IsNobody() && !Sender.Equals(Context.System.DeadLetters) ? _node.ExpectReply(Sender, Self) : null;
        BasicProperties properties;
        BatchItem? item = null;
        if (_names.Batchable)
        {
            // Travels as (part of) a batch: the item carries entity, correlation and manifest; the properties are shared.
            item = new BatchItem(id, correlationId, manifest, body, IsReply: false);
            properties = correlationId is null ? s_batchOfTells : s_batchWithReplies;
        }
        else
        {
            properties = new BasicProperties
            {
                Type = manifest,
                DeliveryMode = DeliveryModes.Persistent,
                Headers = new Dictionary<string, object?>(StringComparer.Ordinal) { [AmqpHeaders.EntityId] = id },
                ReplyTo = correlationId is null ? null : RabbitMqNode.DirectReplyTo,
                CorrelationId = correlationId,
            };
        }
        var sender = Sender;
        var self = Self;
        _ = _node.PublishAsync("", _names.Queue(shard), properties, body, item).ContinueWith(
            t => sender.Tell(new Status.Failure(t.Exception!.GetBaseException()), self),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }
}
