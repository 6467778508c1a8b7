using RabbitMQ.Client.Events;
using Serenity.Actors;
using Serenity.Cluster.RabbitMq.Transport;
using Serenity.Cluster.Sharding;

namespace Serenity.Cluster.RabbitMq.Sharding;

/// <summary>
/// Turns a shard queue's AMQP deliveries (one entity message, or a batch of them) into envelopes for the shard host,
/// each with a <see cref="DeliveryRef"/> as sender, and tracks the delivery (<see cref="ShardDelivery"/>) until every
/// message in it is done.
/// </summary>
internal sealed class DeliveryDispatcher(ActorSystem system, RabbitMqNode node, IActorRef host, string typeName)
{
    private readonly ActorSystem _system = system;
    private readonly ActorPath _temp = new RootActorPath(new Address(Address.DefaultProtocol, system.Name)).Child("temp");

    /// <summary>Hands every message of <paramref name="delivery"/> to its entity (nothing, if the shard is no longer ours).</summary>
    public void Dispatch(OwnedShard shard, BasicDeliverEventArgs delivery)
    {
        // Not ours any more (lease lost, or handing off): left unacknowledged, the broker redelivers it
        // to the next owner once this channel closes.
        if (!shard.IsValid) return;
        var properties = delivery.BasicProperties;
        var where = $"{typeName} shard {shard.ShardId}";
        List<BatchItem> items;
        try
        {
            items = properties.Type == BatchCodec.RequestBatch
                ? BatchCodec.Decode(delivery.Body, replies: false)
                : [new BatchItem(AmqpHeaders.Get(properties, AmqpHeaders.EntityId) ?? "", properties.CorrelationId, properties.Type ?? "", delivery.Body.ToArray(), IsReply: false)];
        }
        catch (FormatException e)
        {
            _system.Log.Error(e, $"{where}: dropping an unreadable batch: {e.Message}");
            new ShardDelivery(shard, delivery.DeliveryTag, 1, expectsReply: false).MessageDone();
            return;
        }
        var replyTo = properties.ReplyTo;
        var done = new ShardDelivery(shard, delivery.DeliveryTag, items.Count, items.Any(i => replyTo is not null && i.CorrelationId is not null));
        foreach (var item in items) DeliverOne(done, item, replyTo, where);
    }

    private void DeliverOne(ShardDelivery delivery, BatchItem item, string? replyTo, string where)
    {
        var sender = new DeliveryRef(_system, _temp, node, delivery, replyTo, item.CorrelationId);
        object message;
        try
        {
            message = node.Codec.Decode(item.Manifest, item.Body, where);
        }
        catch (Persistence.Serialization.EventDeserializationException e)
        {
            _system.Log.Error(e, $"{typeName}: dropping an unreadable message: {e.Message}");
            sender.Tell(new Status.Failure(e), null);
            return;
        }
        host.Tell(new ShardingEnvelope(item.EntityId, message), sender);
        // Answered by the entity's cell once the message before it was handled: a Tell is then done
        // (a message someone waits on is done after its reply instead).
        if (!sender.ExpectsReply) host.Tell(new ShardingEnvelope(item.EntityId, new Identify(DeliveryRef.Taken)), sender);
    }
}
