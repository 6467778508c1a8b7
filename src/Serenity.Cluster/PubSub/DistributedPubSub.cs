using System.Collections.Concurrent;
using Serenity.Actors;
using Serenity.Cluster.Provider;

namespace Serenity.Cluster.PubSub;

/// <summary>
/// Topic publish/subscribe (Akka's DistributedPubSub). With the local provider, publishing Tells
/// every subscriber of the topic in this process directly (no hop through the mediator, nothing
/// allocated but the message); the cluster provider carries the same API over RabbitMQ (a publish
/// goes to every node, this one included, and each node delivers to its own subscribers). A
/// subscriber that has stopped is dropped from its topics on the next publish.
/// Per publisher and subscriber, messages keep their order.
/// </summary>
public sealed class DistributedPubSub
{
    private readonly ConcurrentDictionary<string, Topic> _topics = new(StringComparer.Ordinal);
    private readonly IClusterProvider? _provider;

    // Topics going from no subscriber to some (or back) and new watches take this lock: see Topic.Replace.
    private readonly Lock _watchGate = new();
    private TopicPrefixWatch[] _watches = [];

    private DistributedPubSub(ActorSystem system)
    {
        System = system;
        _provider = ClusterProvider.Get(system).Provider;
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

    /// <summary>Delivers <paramref name="message"/> to every current subscriber of <paramref name="topic"/> (on every node, in cluster mode).</summary>
    public void Publish(string topic, object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(message);
        if (_provider is not null) _provider.Publish(topic, message, sender);
        else DeliverLocally(topic, message, sender);
    }

    /// <summary>
    /// A publisher bound to one topic: publishing through it skips the topic lookup, for a hot path that
    /// publishes to the same topics over and over (the market-data graph).
    /// </summary>
    public TopicPublisher Publisher(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return new TopicPublisher(this, topic, null);
    }

    /// <summary>
    /// <see cref="Publisher(string)"/> with the caller's own name for the topic kept as <see cref="TopicPublisher.Key"/>:
    /// a caller that files publishers by that name checks it on the publisher itself, one object less to reach per publish.
    /// </summary>
    public TopicPublisher Publisher(string topic, string key)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(key);
        return new TopicPublisher(this, topic, key);
    }

    /// <summary>Delivers to this node's subscribers only: the cluster provider calls it for messages that arrive from the cluster.</summary>
    public void DeliverLocally(string topic, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(message);
        if (_topics.TryGetValue(topic, out var t)) Deliver(topic, t, message, sender);
    }

    internal void Publish(string topic, Topic t, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_provider is not null) _provider.Publish(topic, message, sender);
        else Deliver(topic, t, message, sender);
    }

    // The topic's entry, made now if need be: entries are never removed, so a publisher can keep it.
    internal Topic TopicEntry(string topic) => _topics.GetOrAdd(topic, static (name, owner) => new Topic(name, owner), this);

    /// <summary>
    /// A watch of whether any topic starting with <paramref name="prefix"/> has a subscriber, kept current from now
    /// on: a publisher of a whole topic family (<c>trades.{SYM}</c>) checks it to skip topics nobody listens to.
    /// </summary>
    public TopicPrefixWatch WatchPrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var watch = new TopicPrefixWatch(prefix, _provider is not null);
        lock (_watchGate)
        {
            // Under the gate no topic changes between empty and non-empty: each is counted here or later, once.
            foreach (var (name, topic) in _topics)
            {
                if (topic.Subscribers.Length > 0 && name.StartsWith(prefix, StringComparison.Ordinal)) watch.TopicFilled();
            }
            _watches = [.. _watches, watch];
        }
        return watch;
    }

    private void Deliver(string topic, Topic t, object message, IActorRef? sender)
    {
        var subscribers = t.Subscribers;
        var stale = false;
        foreach (var s in subscribers)
        {
            if (IsTerminated(s)) stale = true;
            else s.Tell(message, sender);
        }
        if (stale && t.RemoveTerminated()) LastSubscriberLeft(topic);
    }

    /// <summary>
    /// Subscribes; idempotent. The local provider needs no round trip; in cluster mode publishes from
    /// other nodes arrive once the node's queue is bound (<see cref="SubscribeAsync"/> says when).
    /// </summary>
    public void Subscribe(string topic, IActorRef subscriber) => _ = SubscribeAsync(topic, subscriber);

    /// <summary>Subscribes; the task completes when messages published from now on, on any node, reach <paramref name="subscriber"/>.</summary>
    public Task SubscribeAsync(string topic, IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(subscriber);
        var first = TopicEntry(topic).Add(subscriber);
        if (_provider is null) return Task.CompletedTask;
        // Every subscribe waits for the binding (idempotent), so a second subscriber is not acked before the first's bind is done.
        var bound = _provider.TopicSubscribedAsync(topic);
        if (first) _ = bound.ContinueWith(t => System.Log.Error(t.Exception!, $"pub/sub: cannot bind topic '{topic}': {t.Exception!.GetBaseException().Message}"), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return bound;
    }

    /// <summary>Removes a subscription; idempotent.</summary>
    public void Unsubscribe(string topic, IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (_topics.TryGetValue(topic, out var t) && t.Remove(subscriber)) LastSubscriberLeft(topic);
    }

    private void LastSubscriberLeft(string topic)
    {
        if (_provider is null) return;
        _ = _provider.TopicUnsubscribedAsync(topic).ContinueWith(t => System.Log.Warning($"pub/sub: cannot unbind topic '{topic}': {t.Exception!.GetBaseException().Message}"), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>How many subscribers <paramref name="topic"/> has now.</summary>
    public int SubscriberCount(string topic) => _topics.TryGetValue(topic, out var t) ? t.Subscribers.Length : 0;

    /// <summary>Topics that have at least one subscriber.</summary>
    public IReadOnlyCollection<string> Topics => _topics.Where(kv => kv.Value.Subscribers.Length > 0).Select(kv => kv.Key).ToArray();

    private static bool IsTerminated(IActorRef actorRef) => actorRef is IInternalActorRef { IsTerminated: true };

    /// <summary>A topic's subscribers: an array swapped on change, so publishing reads without locks.</summary>
    internal sealed class Topic(string name, DistributedPubSub owner)
    {
        private readonly object _gate = new();

        public IActorRef[] Subscribers { get; private set; } = [];

        /// <summary>Adds; true if the topic had no subscriber before.</summary>
        public bool Add(IActorRef subscriber)
        {
            lock (_gate)
            {
                var first = Subscribers.Length == 0;
                if (Array.IndexOf(Subscribers, subscriber) < 0) Replace([.. Subscribers, subscriber]);
                return first;
            }
        }

        /// <summary>Removes; true if that removed the last subscriber.</summary>
        public bool Remove(IActorRef subscriber)
        {
            lock (_gate)
            {
                var had = Subscribers.Length > 0;
                Replace(Array.FindAll(Subscribers, s => !s.Equals(subscriber)));
                return had && Subscribers.Length == 0;
            }
        }

        /// <summary>Drops stopped subscribers; true if none is left.</summary>
        public bool RemoveTerminated()
        {
            lock (_gate)
            {
                var had = Subscribers.Length > 0;
                Replace(Array.FindAll(Subscribers, s => !IsTerminated(s)));
                return had && Subscribers.Length == 0;
            }
        }

        // Under the topic's lock. A change between empty and non-empty also takes the watch gate, so a new watch's
        // count of non-empty topics and the changes after it never overlap.
        private void Replace(IActorRef[] subscribers)
        {
            if ((Subscribers.Length == 0) == (subscribers.Length == 0))
            {
                Subscribers = subscribers;
                return;
            }
            lock (owner._watchGate)
            {
                Subscribers = subscribers;
                foreach (var watch in owner._watches)
                {
                    if (!name.StartsWith(watch.Prefix, StringComparison.Ordinal)) continue;
                    if (subscribers.Length > 0) watch.TopicFilled();
                    else watch.TopicEmptied();
                }
            }
        }
    }

    /// <summary>The message-driven face of the same registry, for code that only holds a ref.</summary>
    private sealed class MediatorActor : ReceiveActor
    {
        public MediatorActor(DistributedPubSub pubSub)
        {
            ReceiveAsync<Subscribe>(async s =>
            {
                var sender = Sender;
                try
                {
                    await pubSub.SubscribeAsync(s.Topic, s.Ref).ConfigureAwait(true);
                    sender.Tell(new SubscribeAck(s), Self);
                }
                catch (Exception e)
                {
                    sender.Tell(new Status.Failure(e), Self);
                }
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
