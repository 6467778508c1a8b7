using System.Diagnostics;

namespace Serenity.Cluster.RabbitMq.Sharding;

/// <summary>
/// One AMQP delivery of a shard's queue: one entity message, or a batch of them. It is acknowledged to RabbitMQ once
/// every message in it is done (answered, or taken when nobody waits), or by the manager when overdue; a node that
/// dies first has all of it redelivered to the shard's next owner (commands carry ids, so that has no second effect).
/// </summary>
internal sealed class ShardDelivery
{
    private readonly OwnedShard _shard;
    private readonly ulong _deliveryTag;
    private int _remaining;
    private int _acked;

    public ShardDelivery(OwnedShard shard, ulong deliveryTag, int messages, bool expectsReply)
    {
        _shard = shard;
        _deliveryTag = deliveryTag;
        _remaining = messages;
        ExpectsReply = expectsReply;
        Delivered = Stopwatch.GetTimestamp();
        shard.Started();
        shard.Pending[deliveryTag] = this;
    }

    /// <summary>When it was delivered (a <see cref="Stopwatch"/> timestamp): the manager acknowledges it <c>tell-ack-after</c> later at the latest.</summary>
    public long Delivered { get; }

    /// <summary>True if someone waits for a reply to one of its messages.</summary>
    public bool ExpectsReply { get; }

    /// <summary>One of its messages is done; the last one acknowledges the delivery.</summary>
    public void MessageDone()
    {
        if (Interlocked.Decrement(ref _remaining) == 0) _ = AckAsync();
    }

    /// <summary>Acknowledges now (its entities did not finish in time).</summary>
    public void AckAnyway() => _ = AckAsync();

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
            // Closed meanwhile: the broker redelivers it.
        }
        finally
        {
            _shard.Pending.TryRemove(_deliveryTag, out _);
            _shard.Finished();
        }
    }
}
