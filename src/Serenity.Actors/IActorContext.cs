namespace Serenity.Actors;

/// <summary>A behaviour: returns false when it does not handle the message.</summary>
public delegate bool Receive(object message);

/// <summary>Creates and finds actors: the system (top-level actors) and each actor's context (children).</summary>
public interface IActorRefFactory
{
    /// <summary>Creates an actor; <paramref name="name"/> must be unique among its siblings (null: generated).</summary>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>A selection by path: absolute (<c>/user/a</c>), relative (<c>../b</c>, <c>child</c>), with <c>*</c> and <c>?</c> wildcards.</summary>
    ActorSelection ActorSelection(string path);
}

/// <summary>What an actor can see and do about itself while it handles a message.</summary>
public interface IActorContext : IActorRefFactory
{
    /// <summary>This actor.</summary>
    IActorRef Self { get; }

    /// <summary>Sender of the current message (dead letters when there is none).</summary>
    IActorRef Sender { get; }

    /// <summary>The supervisor.</summary>
    IActorRef Parent { get; }

    /// <summary>The props this actor was created from.</summary>
    Props Props { get; }

    /// <summary>The actor system.</summary>
    ActorSystem System { get; }

    /// <summary>Live children (including those currently stopping).</summary>
    IReadOnlyCollection<IActorRef> Children { get; }

    /// <summary>The child with this name, or <see cref="ActorRefs.Nobody"/>.</summary>
    IActorRef Child(string name);

    /// <summary>Stops a child (or this actor itself): after its current message; children stop first.</summary>
    void Stop(IActorRef actor);

    /// <summary>Delivers <see cref="Terminated"/> to this actor when <paramref name="subject"/> stops.</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Stops watching; no <see cref="Terminated"/> for it arrives afterwards, even if one was queued.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Replaces the current behaviour.</summary>
    void Become(Receive receive);

    /// <summary>Pushes a behaviour; <see cref="UnbecomeStacked"/> returns to the previous one.</summary>
    void BecomeStacked(Receive receive);

    /// <summary>Pops the behaviour pushed by <see cref="BecomeStacked"/>.</summary>
    void UnbecomeStacked();

    /// <summary>Sends <see cref="ReceiveTimeout"/> after this long without messages; null turns it off.</summary>
    void SetReceiveTimeout(TimeSpan? timeout);

    /// <summary>The current receive timeout, if any.</summary>
    TimeSpan? ReceiveTimeout { get; }
}

/// <summary>Helpers on <see cref="IActorContext"/>.</summary>
public static class ActorContextExtensions
{
    /// <summary>A logger whose source is this actor's path.</summary>
    public static ILoggingAdapter GetLogger(this IActorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.System.LoggerFor(context.Self.Path.ToString());
    }
}
