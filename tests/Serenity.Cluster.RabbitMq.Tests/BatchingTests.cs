using RabbitMQ.Client;
using Serenity.Cluster.RabbitMq.Transport;

namespace Serenity.Cluster.RabbitMq.Tests;

/// <summary>Several entity messages (or replies) in one AMQP message: what goes in comes out, in order, and grouping keeps order per queue.</summary>
public sealed class BatchingTests
{
    [Fact]
    public void A_batch_gives_back_every_message_with_its_entity_correlation_manifest_and_bytes_in_order()
    {
        var items = new List<BatchItem>
        {
            new("e1", "17", "test.add.v1", [1, 2, 3], IsReply: false),
            new("ünï-ɕode", null, "test.tell.v1", [], IsReply: false),
            new("e1", "18", "test.add.v1", new byte[70_000], IsReply: false), // a length needing three bytes
        };

        var back = BatchCodec.Decode(BatchCodec.Encode(items), replies: false);

        Assert.Equal(items.Count, back.Count);
        for (var i = 0; i < items.Count; i++)
        {
            Assert.Equal(items[i].EntityId, back[i].EntityId);
            Assert.Equal(items[i].CorrelationId, back[i].CorrelationId);
            Assert.Equal(items[i].Manifest, back[i].Manifest);
            Assert.Equal(items[i].Body, back[i].Body);
        }
    }

    [Fact]
    public void A_truncated_batch_is_refused_rather_than_misread()
    {
        var bytes = BatchCodec.Encode([new BatchItem("e1", "1", "test.add.v1", [1, 2, 3, 4], IsReply: false)]);

        Assert.Throws<FormatException>(() => BatchCodec.Decode(bytes.AsMemory(0, bytes.Length - 2), replies: false));
    }

    [Fact]
    public void Grouping_merges_per_queue_and_kind_keeps_order_within_each_and_leaves_other_messages_alone()
    {
        static Outgoing Item(string queue, string entity, bool reply = false) =>
            new("", queue, new BasicProperties(), [], null, new BatchItem(entity, null, "m", [], reply));
        var plain = new Outgoing("pubsub", "news", new BasicProperties(), []);
        var drained = new List<Outgoing> { Item("q1", "a"), Item("q2", "b"), plain, Item("q1", "c"), Item("q1", "r", reply: true), Item("q2", "d") };

        var groups = OutgoingBatches.Group(drained).Select(g => g.Select(m => m.Item?.EntityId ?? m.RoutingKey).ToList()).ToList();

        Assert.Equal([["a", "c"], ["b", "d"], ["news"], ["r"]], groups);
    }
}
