using RabbitMQ.Client;

namespace Serenity.Cluster.RabbitMq.Transport;

/// <summary>How the publish pump turns the messages queued meanwhile into AMQP messages (see <see cref="BatchCodec"/>).</summary>
internal static class OutgoingBatches
{
    /// <summary>
    /// Groups batchable messages by routing key and kind (entity messages, replies), each group in queue order and
    /// placed where its first message was; every other message stays alone, in place. Order per routing key is kept.
    /// </summary>
    public static IEnumerable<IReadOnlyList<Outgoing>> Group(IReadOnlyList<Outgoing> drained)
    {
        var groups = new List<List<Outgoing>>();
        var byKey = new Dictionary<(string, bool), List<Outgoing>>();
        foreach (var message in drained)
        {
            if (message.Item is not { } item)
            {
                groups.Add([message]);
                continue;
            }
            if (!byKey.TryGetValue((message.RoutingKey, item.IsReply), out var group))
            {
                group = [];
                byKey[(message.RoutingKey, item.IsReply)] = group;
                groups.Add(group);
            }
            group.Add(message);
        }
        return groups;
    }

    /// <summary>One AMQP message carrying every message of <paramref name="group"/>.</summary>
    public static (BasicProperties Properties, byte[] Body) Merge(IReadOnlyList<Outgoing> group)
    {
        var first = group[0];
        var replies = first.Item!.IsReply;
        var properties = new BasicProperties
        {
            Type = replies ? BatchCodec.ReplyBatch : BatchCodec.RequestBatch,
            DeliveryMode = first.Properties.DeliveryMode,
            ReplyTo = group.Select(m => m.Properties.ReplyTo).FirstOrDefault(r => r is not null),
        };
        return (properties, BatchCodec.Encode(group.Select(m => m.Item!).ToList()));
    }

    /// <summary>A completion that, once the batch is confirmed (or refused), completes (or fails) every message's own.</summary>
    public static TaskCompletionSource AllDone(IReadOnlyList<Outgoing> group)
    {
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        all.Task.ContinueWith(
            t =>
            {
                foreach (var message in group)
                {
                    if (t.IsFaulted) message.Done?.TrySetException(t.Exception!.InnerExceptions);
                    else message.Done?.TrySetResult();
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return all;
    }
}
