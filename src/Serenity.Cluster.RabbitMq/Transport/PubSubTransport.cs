using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Serenity.Actors;
using Serenity.Cluster.PubSub;

namespace Serenity.Cluster.RabbitMq.Transport;

/// <summary>
/// Pub/sub over one RabbitMQ topic exchange (routing key = topic). Each node has one exclusive queue,
/// bound to the topics its local subscribers need; what arrives is delivered to them by
/// <see cref="DistributedPubSub.DeliverLocally"/>. Bindings are restored after a reconnect.
/// </summary>
internal sealed class PubSubTransport
{
    private readonly RabbitMqNode _node;
    private readonly ActorSystem _system;
    private readonly string _exchange;
    private readonly string _queue;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _bound = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, byte> _unregistered = new();
    private IChannel? _channel;

    public PubSubTransport(RabbitMqNode node, ActorSystem system, ClusterSettings settings)
    {
        _node = node;
        _system = system;
        _exchange = settings.ClusterName + ".pubsub";
        _queue = $"{settings.ClusterName}.pubsub.{settings.NodeName}.{Guid.NewGuid():N}";
    }

    /// <summary>Declares the exchange and this node's queue and starts consuming.</summary>
    public async Task StartAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _channel = await _node.Connection.CreateChannelAsync().ConfigureAwait(false);
            await _channel.ExchangeDeclareAsync(_exchange, ExchangeType.Topic, durable: true, autoDelete: false).ConfigureAwait(false);
            await _channel.QueueDeclareAsync(_queue, durable: false, exclusive: true, autoDelete: true).ConfigureAwait(false);
            foreach (var topic in _bound) await _channel.QueueBindAsync(_queue, _exchange, topic).ConfigureAwait(false);
            var consumer = new AsyncEventingBasicConsumer(_channel);
            consumer.ReceivedAsync += (_, d) =>
            {
                Deliver(d);
                return Task.CompletedTask;
            };
            await _channel.BasicConsumeAsync(_queue, autoAck: true, consumer).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Publishes to every node's subscribers of <paramref name="topic"/>. A message type without a
    /// registered manifest cannot cross nodes: it reaches this node's subscribers only, and the first
    /// such publish of each type is logged as a warning.
    /// </summary>
    public void Publish(string topic, object message)
    {
        string manifest;
        byte[] body;
        try
        {
            (manifest, body) = _node.Codec.Encode(message);
        }
        catch (Persistence.Serialization.NotRegisteredException e)
        {
            if (_unregistered.TryAdd(message.GetType(), 0)) _system.Log.Warning($"pub/sub: {e.Message}; '{topic}' and every other topic carrying it reach this node's subscribers only");
            DistributedPubSub.Get(_system).DeliverLocally(topic, message, null);
            return;
        }
        var task = _node.PublishAsync(_exchange, topic, new BasicProperties { Type = manifest }, body);
        _ = task.ContinueWith(t => _system.Log.Warning($"pub/sub: publish to '{topic}' failed: {t.Exception!.GetBaseException().Message}"), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>Binds <paramref name="topic"/> (idempotent).</summary>
    public async Task BindAsync(string topic)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_bound.Add(topic) && _channel is not null) await _channel.QueueBindAsync(_queue, _exchange, topic).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Unbinds <paramref name="topic"/> unless it has local subscribers again.</summary>
    public async Task UnbindAsync(string topic)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (DistributedPubSub.Get(_system).SubscriberCount(topic) > 0 || !_bound.Remove(topic) || _channel is null) return;
            await _channel.QueueUnbindAsync(_queue, _exchange, topic).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Deliver(BasicDeliverEventArgs delivery)
    {
        try
        {
            var message = _node.Codec.Decode(delivery.BasicProperties.Type ?? "", delivery.Body, "topic " + delivery.RoutingKey);
            DistributedPubSub.Get(_system).DeliverLocally(delivery.RoutingKey, message, null);
        }
        catch (Persistence.Serialization.EventDeserializationException e)
        {
            _system.Log.Error(e, $"pub/sub: unreadable message on '{delivery.RoutingKey}': {e.Message}");
        }
    }
}
