using System.Collections.Concurrent;
using Serenity.Actors;

namespace Serenity.Cluster.PubSub;

/// <summary>
/// Topic publish/subscribe (Akka's DistributedPubSub). With the local provider, publishing Tells
/// every subscriber of the topic in this process directly (no hop through the mediator, nothing
/// allocated but the message); the cluster provider carries the same API over RabbitMQ. A
/// subscriber that has stopped is dropped from its topics on the next publish.
/// Per publisher and subscriber, messages keep their order.
/// </summary>
public sealed class DistributedPubSub
{
    private readonly ConcurrentDictionary<string, Topic> _topics = new(StringComparer.Ordinal);

    private DistributedPubSub(ActorSystem system)
    {
        System = system;
        Mediator = ((ActorSystemImpl)system).SystemActorOf(Props.Create(() => new MediatorActor(this)), "pubsub-mediator");
    }

    /// <summary>The system's pub/sub.</summary>
    public static DistributedPubSub Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetOrAddExtension(static s => new DistributedPubSub(s));
    }

    /// <summary>The system this pub/sub belongs to.</summary>
    public ActorSystem System { get; }

    /// <summary>Takes <see cref="Serenity.Cluster.PubSub.Subscribe"/>, <see cref="Serenity.Cluster.PubSub.Unsubscribe"/> and <see cref="Serenity.Cluster.PubSub.Publish"/> messages.</summary>
    public IActorRef Mediator { get; }

    /// <summary>Delivers <paramref name="message"/> to every current subscriber of <paramref name="topic"/>.</summary>
    public void Publish(string topic, object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(message);
        if (!_topics.TryGetValue(topic, out var t)) return;
        var subscribers = t.Subscribers;
        var stale = false;
        foreach (var s in subscribers)
        {
            if (IsTerminated(s)) stale = true;
            else s.Tell(message, sender);
        }
        if (stale) t.RemoveTerminated();
    }

    /// <summary>Subscribes at once (the local provider needs no round trip); idempotent.</summary>
    public void Subscribe(string topic, IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(subscriber);
        _topics.GetOrAdd(topic, static _ => new Topic()).Add(subscriber);
    }

    /// <summary>Removes a subscription; idempotent.</summary>
    public void Unsubscribe(string topic, IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (_topics.TryGetValue(topic, out var t)) t.Remove(subscriber);
    }

    /// <summary>How many subscribers <paramref name="topic"/> has now.</summary>
    public int SubscriberCount(string topic) => _topics.TryGetValue(topic, out var t) ? t.Subscribers.Length : 0;

    /// <summary>Topics that have at least one subscriber.</summary>
    public IReadOnlyCollection<string> Topics => _topics.Where(kv => kv.Value.Subscribers.Length > 0).Select(kv => kv.Key).ToArray();

    private static bool IsTerminated(IActorRef actorRef) => actorRef is IInternalActorRef { IsTerminated: true };

    /// <summary>A topic's subscribers: an array swapped on change, so publishing reads without locks.</summary>
    private sealed class Topic
    {
        private readonly object _gate = new();

        public IActorRef[] Subscribers { get; private set; } = [];

        public void Add(IActorRef subscriber)
        {
            lock (_gate)
            {
                if (Array.IndexOf(Subscribers, subscriber) < 0) Subscribers = [.. Subscribers, subscriber];
            }
        }

        public void Remove(IActorRef subscriber)
        {
            lock (_gate) Subscribers = Array.FindAll(Subscribers, s => !s.Equals(subscriber));
        }

        public void RemoveTerminated()
        {
            lock (_gate) Subscribers = Array.FindAll(Subscribers, s => !IsTerminated(s));
        }
    }

    /// <summary>The message-driven face of the same registry, for code that only holds a ref.</summary>
    private sealed class MediatorActor : ReceiveActor
    {
        public MediatorActor(DistributedPubSub pubSub)
        {
            Receive<Subscribe>(s =>
            {
                pubSub.Subscribe(s.Topic, s.Ref);
                Sender.Tell(new SubscribeAck(s), Self);
            });
            Receive<Unsubscribe>(u =>
            {
                pubSub.Unsubscribe(u.Topic, u.Ref);
                Sender.Tell(new UnsubscribeAck(u), Self);
            });
            Receive<Publish>(p => pubSub.Publish(p.Topic, p.Message, Sender));
        }
    }
}
