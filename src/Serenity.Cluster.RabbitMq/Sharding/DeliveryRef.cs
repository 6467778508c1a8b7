using RabbitMQ.Client;
using Serenity.Actors;
using Serenity.Cluster.RabbitMq.Transport;

namespace Serenity.Cluster.RabbitMq.Sharding;

/// <summary>
/// The sender an entity sees for a message that came from its shard's queue. A message someone waits
/// on is acknowledged to RabbitMQ only after the entity's reply was published through direct
/// reply-to; a message nobody waits on once the entity has taken it (its handler ran: the
/// <see cref="Identify"/> that follows it was answered). At the latest <c>tell-ack-after</c> after
/// delivery it is acknowledged anyway. A node that dies before then has the message redelivered to
/// the shard's next owner.
/// </summary>
internal sealed class DeliveryRef : MinimalActorRef
{
    /// <summary>The id of the <see cref="Identify"/> sent after each delivered message.</summary>
    public static readonly object Taken = new();

    private static long s_ids;
    private readonly RabbitMqNode _node;
    private readonly OwnedShard _shard;
    private readonly ulong _deliveryTag;
    private readonly string? _replyTo;
    private readonly string? _correlationId;
    private readonly ILoggingAdapter _log;
    private int _acked;

    public DeliveryRef(ActorSystem system, RabbitMqNode node, OwnedShard shard, ulong deliveryTag, string? replyTo, string? correlationId)
        : base(new RootActorPath(new Address(Address.DefaultProtocol, system.Name)).Child("temp").Child("delivery-" + Interlocked.Increment(ref s_ids).ToString(System.Globalization.CultureInfo.InvariantCulture)))
    {
        _node = node;
        _shard = shard;
        _deliveryTag = deliveryTag;
        _replyTo = replyTo;
        _correlationId = correlationId;
        _log = system.Log;
        Delivered = System.Diagnostics.Stopwatch.GetTimestamp();
        shard.Pending[deliveryTag] = this;
    }

    /// <summary>When it was delivered (a <see cref="System.Diagnostics.Stopwatch"/> timestamp): the manager acknowledges it <c>tell-ack-after</c> later at the latest.</summary>
    public long Delivered { get; }

    /// <summary>True if someone waits for the entity's reply.</summary>
    public bool ExpectsReply => _replyTo is not null;

    /// <summary>Acknowledges now (the entity did not answer in time).</summary>
    public void AckAnyway() => _ = AckAsync();

    /// <inheritdoc />
    public override void Tell(object message, IActorRef? sender)
    {
        if (message is ActorIdentity identity && ReferenceEquals(identity.MessageId, Taken))
        {
            if (_replyTo is null) _ = AckAsync();
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
                await _node.PublishAsync("", _replyTo, new BasicProperties { Type = manifest, CorrelationId = _correlationId }, body).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _log.Error(e, $"cluster: cannot send the reply {message.GetType().Name}: {e.Message}");
            }
        }
        await AckAsync().ConfigureAwait(false);
    }

    private async Task AckAsync()
    {
        if (Interlocked.Exchange(ref _acked, 1) == 1) return;
        try
        {
            // A shard given up meanwhile has its channel closed: the broker redelivers to the next owner.
            if (_shard.Channel.IsOpen) await _shard.Channel.BasicAckAsync(_deliveryTag, multiple: false).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.AlreadyClosedException or ObjectDisposedException or OperationCanceledException)
        {
            _log.Debug($"cluster: ack of shard {_shard.ShardId} after it closed: {e.Message}");
        }
        finally
        {
            _shard.Pending.TryRemove(_deliveryTag, out _);
            _shard.Finished();
        }
    }
}
