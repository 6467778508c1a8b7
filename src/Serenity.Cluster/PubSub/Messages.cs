using Serenity.Actors;

namespace Serenity.Cluster.PubSub;

/// <summary>Asks the mediator to deliver messages published to <see cref="Topic"/> to <see cref="Ref"/>; answered with <see cref="SubscribeAck"/>.</summary>
public sealed record Subscribe(string Topic, IActorRef Ref);

/// <summary>The subscription is in place: messages published from now on arrive.</summary>
public sealed record SubscribeAck(Subscribe Subscribe);

/// <summary>Asks the mediator to stop delivering <see cref="Topic"/> to <see cref="Ref"/>; answered with <see cref="UnsubscribeAck"/>.</summary>
public sealed record Unsubscribe(string Topic, IActorRef Ref);

/// <summary>The subscription is gone.</summary>
public sealed record UnsubscribeAck(Unsubscribe Unsubscribe);

/// <summary>Asks the mediator to deliver <see cref="Message"/> to every subscriber of <see cref="Topic"/>.</summary>
public sealed record Publish(string Topic, object Message);
