using System.Collections.Concurrent;
using System.Threading.Channels;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Serenity.Actors;

namespace Serenity.Cluster.RabbitMq.Transport;

/// <summary>
/// A node's RabbitMQ connection (automatic recovery on), its publish pump (one channel with publisher
/// confirms, so messages from this node keep their order) and its direct reply-to consumer on that
/// same channel: replies to messages this node routed come back here and go to the waiting sender.
/// </summary>
internal sealed class RabbitMqNode : IAsyncDisposable
{
    /// <summary>RabbitMQ's pseudo-queue for direct replies.</summary>
    public const string DirectReplyTo = "amq.rabbitmq.reply-to";

    private readonly Channel<Outgoing> _outgoing = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, PendingReply> _pending = new(StringComparer.Ordinal);
    private readonly ILoggingAdapter _log;
    private readonly Task _pump;
    private readonly Timer _sweeper;
    private readonly TimeSpan _replyTimeout;
    private readonly int _maxUnconfirmed;
    private readonly ConfirmTracker _confirms = new();

    /// <summary>
    /// At most this many queued messages are published per round (and so per batch). Large, because while the
    /// confirm window is full a busy node queues thousands: taking them in small rounds would split them into small batches again.
    /// </summary>
    private const int MaxBatch = 2048;
    private long _correlations;

    private RabbitMqNode(IConnection connection, IChannel channel, MessageCodec codec, ILoggingAdapter log, TimeSpan replyTimeout, int maxUnconfirmed)
    {
        _maxUnconfirmed = maxUnconfirmed;
        Connection = connection;
        Requests = channel;
        Codec = codec;
        _log = log;
        _replyTimeout = replyTimeout;
        _pump = Task.Run(PumpAsync);
        _sweeper = new Timer(_ => Sweep(), null, replyTimeout, replyTimeout);
    }

    /// <summary>The connection (channels for consumers are opened on it).</summary>
    public IConnection Connection { get; }

    /// <summary>The publishing channel (confirms on; consumes direct replies).</summary>
    public IChannel Requests { get; }

    /// <summary>The wire format.</summary>
    public MessageCodec Codec { get; }

    /// <summary>Connects (retrying until <paramref name="connectTimeout"/>) and starts consuming direct replies.</summary>
    public static async Task<RabbitMqNode> ConnectAsync(ClusterSettings settings, MessageCodec codec, ILoggingAdapter log, TimeSpan connectTimeout)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(settings.RabbitMqUri),
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = false,
            NetworkRecoveryInterval = TimeSpan.FromSeconds(1),
            RequestedHeartbeat = settings.RabbitMqHeartbeat,
            ClientProvidedName = "serenity-" + settings.NodeName,
        };
        var deadline = DateTime.UtcNow + connectTimeout;
        IConnection connection;
        while (true)
        {
            try
            {
                connection = await factory.CreateConnectionAsync().ConfigureAwait(false);
                break;
            }
            catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250)).ConfigureAwait(false);
            }
        }
        // Confirms on, tracked here (ConfirmTracker) rather than awaited per publish: publishing stays ordered and pipelined.
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: false)).ConfigureAwait(false);
        var node = new RabbitMqNode(connection, channel, codec, log, settings.ReplyTimeout, settings.MaxUnconfirmed);
        channel.BasicAcksAsync += (_, e) =>
        {
            node._confirms.Ack(e.DeliveryTag, e.Multiple);
            return Task.CompletedTask;
        };
        channel.BasicNacksAsync += (_, e) =>
        {
            node._confirms.Nack(e.DeliveryTag, e.Multiple);
            return Task.CompletedTask;
        };
        channel.ChannelShutdownAsync += (_, e) =>
        {
            node._confirms.FailAll(e.ReplyText);
            return Task.CompletedTask;
        };
        await node.ConsumeRepliesAsync().ConfigureAwait(false);
        connection.RecoverySucceededAsync += async (_, _) => await node.ConsumeRepliesAsync().ConfigureAwait(false);
        return node;
    }

    /// <summary>Publishes still waiting for the broker's confirm.</summary>
    public int Unconfirmed => _confirms.Count;

    /// <summary>
    /// Queues a message for publishing (in order); returns when the broker confirmed it. A message with
    /// <paramref name="item"/> may share one AMQP message with others queued for the same routing key meanwhile.
    /// </summary>
    public Task PublishAsync(string exchange, string routingKey, BasicProperties properties, byte[] body, BatchItem? item = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_outgoing.Writer.TryWrite(new Outgoing(exchange, routingKey, properties, body, done, item))) done.TrySetException(new ObjectDisposedException(nameof(RabbitMqNode)));
        return done.Task;
    }

    /// <summary>
    /// A correlation id whose reply goes to <paramref name="sender"/> (as from <paramref name="replier"/>)
    /// when it arrives within the reply timeout.
    /// </summary>
    public string ExpectReply(IActorRef sender, IActorRef replier)
    {
        var id = Interlocked.Increment(ref _correlations).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _pending[id] = new PendingReply(sender, replier, DateTime.UtcNow + _replyTimeout);
        return id;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _outgoing.Writer.TryComplete();
        await _sweeper.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _pump.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _log.Warning("RabbitMQ: messages still unpublished at shutdown");
        }
        try
        {
            await Connection.CloseAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.RabbitMQClientException or IOException or ObjectDisposedException)
        {
            _log.Debug($"RabbitMQ: close: {e.Message}");
        }
        Connection.Dispose();
    }

    private async Task ConsumeRepliesAsync()
    {
        var consumer = new AsyncEventingBasicConsumer(Requests);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            OnReply(delivery);
            return Task.CompletedTask;
        };
        await Requests.BasicConsumeAsync(DirectReplyTo, autoAck: true, consumer).ConfigureAwait(false);
    }

    private void OnReply(BasicDeliverEventArgs delivery)
    {
        var properties = delivery.BasicProperties;
        if (properties.Type != BatchCodec.ReplyBatch)
        {
            if (properties.CorrelationId is { } id) Answer(id, properties.Type ?? "", delivery.Body);
            return;
        }
        try
        {
            foreach (var item in BatchCodec.Decode(delivery.Body, replies: true))
            {
                if (item.CorrelationId is { } id) Answer(id, item.Manifest, item.Body);
            }
        }
        catch (FormatException e)
        {
            _log.Error(e, $"cluster: unreadable reply batch: {e.Message}");
        }
    }

    private void Answer(string correlationId, string manifest, ReadOnlyMemory<byte> body)
    {
        if (!_pending.TryRemove(correlationId, out var pending)) return;
        try
        {
            pending.Sender.Tell(Codec.Decode(manifest, body, "reply " + correlationId), pending.Replier);
        }
        catch (Persistence.Serialization.EventDeserializationException e)
        {
            _log.Error(e, $"cluster: unreadable reply: {e.Message}");
        }
    }

    private async Task PumpAsync()
    {
        var drained = new List<Outgoing>(MaxBatch);
        while (await _outgoing.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            // While many publishes wait for the broker (it confirms persistent messages once they are on disk), new ones
            // queue up here and then travel together: under load, fewer and larger AMQP messages; when quiet, no wait.
            await _confirms.RoomAsync(_maxUnconfirmed).ConfigureAwait(false);
            // What queued up while the last publishes went out is published now, batchable messages grouped.
            while (drained.Count < MaxBatch && _outgoing.Reader.TryRead(out var next)) drained.Add(next);
            foreach (var group in OutgoingBatches.Group(drained)) await PublishOneAsync(group).ConfigureAwait(false);
            drained.Clear();
        }
    }

    private async Task PublishOneAsync(IReadOnlyList<Outgoing> group)
    {
        var first = group[0];
        try
        {
            var (properties, body) = first.Item is null ? (first.Properties, first.Body) : OutgoingBatches.Merge(group);
            var sequenceNumber = await Requests.GetNextPublishSequenceNumberAsync().ConfigureAwait(false);
            _confirms.Register(sequenceNumber, group.Count == 1 ? first.Done : OutgoingBatches.AllDone(group));
            await Requests.BasicPublishAsync(first.Exchange, first.RoutingKey, mandatory: false, properties, body).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _log.Warning($"RabbitMQ: publish to '{first.RoutingKey}' failed: {e.Message}");
            foreach (var message in group) message.Done?.TrySetException(e);
        }
    }

    private void Sweep()
    {
        var now = DateTime.UtcNow;
        foreach (var (id, pending) in _pending)
        {
            if (pending.Expires < now) _pending.TryRemove(id, out _);
        }
    }

    private sealed record PendingReply(IActorRef Sender, IActorRef Replier, DateTime Expires);
}
