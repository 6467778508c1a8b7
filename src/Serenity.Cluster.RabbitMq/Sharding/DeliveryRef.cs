using RabbitMQ.Client;
using Serenity.Actors;
using Serenity.Cluster.RabbitMq.Transport;

namespace Serenity.Cluster.RabbitMq.Sharding;

/// <summary>
/// The sender an entity sees for one message that came from its shard's queue. A message someone waits on is done
/// once the entity's reply was published through direct reply-to (and confirmed); a message nobody waits on once the
/// entity has taken it (its handler ran: the <see cref="Identify"/> that follows it was answered). When every message
/// of its <see cref="ShardDelivery"/> is done, the delivery is acknowledged to RabbitMQ.
/// </summary>
internal sealed class DeliveryRef : MinimalActorRef
{
    /// <summary>The id of the <see cref="Identify"/> sent after each delivered message.</summary>
    public static readonly object Taken = new();

    private static readonly BasicProperties s_replyBatch = new(); // replies always travel as (part of) a batch
    private static long s_ids;
    private readonly RabbitMqNode _node;
    private readonly ShardDelivery _delivery;
    private readonly string? _replyTo;
    private readonly string? _correlationId;
    private readonly ILoggingAdapter _log;
    private int _done;

    /// <param name="temp">The system's <c>/temp</c> path (built once by the caller).</param>
    public DeliveryRef(ActorSystem system, ActorPath temp, RabbitMqNode node, ShardDelivery delivery, string? replyTo, string? correlationId)
        : base(temp.Child("delivery-" + Interlocked.Increment(ref s_ids).ToString(System.Globalization.CultureInfo.InvariantCulture)))
    {
        _node = node;
        _delivery = delivery;
        _replyTo = correlationId is null ? null : replyTo;
        _correlationId = correlationId;
        _log = system.Log;
    }

    /// <summary>True if someone waits for the entity's reply.</summary>
    public bool ExpectsReply => _replyTo is not null;

    /// <inheritdoc />
    public override void Tell(object message, IActorRef? sender)
    {
        if (message is ActorIdentity identity && ReferenceEquals(identity.MessageId, Taken))
        {
            if (_replyTo is null) Done();
            return;
        }
        _ = ReplyAsync(message);
    }

    private async Task ReplyAsync(object message)
    {
        if (_replyTo is not null)
        {
            try
            {
                var (manifest, body) = _node.Codec.Encode(message);
                var item = new BatchItem("", _correlationId, manifest, body, IsReply: true);
                await _node.PublishAsync("", _replyTo, s_replyBatch, [], item).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _log.Error(e, $"cluster: cannot send the reply {message.GetType().Name}: {e.Message}");
            }
        }
        Done();
    }

    private void Done()
    {
        if (Interlocked.Exchange(ref _done, 1) == 0) _delivery.MessageDone();
    }
}
