using Serenity.Actors;

namespace Serenity.Cluster.PubSub;

/// <summary>
/// Publishes to one topic of a <see cref="DistributedPubSub"/> (from <see cref="DistributedPubSub.Publisher"/>):
/// the same delivery as <see cref="DistributedPubSub.Publish"/>, without looking the topic up each time.
/// </summary>
public sealed class TopicPublisher
{
    private readonly DistributedPubSub _pubSub;
    private readonly DistributedPubSub.Topic _entry;

    internal TopicPublisher(DistributedPubSub pubSub, string topic, string? key)
    {
        _pubSub = pubSub;
        Topic = topic;
        Key = key;
        _entry = pubSub.TopicEntry(topic);
    }

    /// <summary>The topic.</summary>
    public string Topic { get; }

    /// <summary>The caller's own name for the topic, if it gave one (the market data's symbol of <c>quotes.{SYM}</c>).</summary>
    public string? Key { get; }

    /// <summary>Delivers <paramref name="message"/> to every current subscriber of the topic (on every node, in cluster mode).</summary>
    public void Publish(object message, IActorRef? sender = null) => _pubSub.Publish(Topic, _entry, message, sender);
}
