namespace Serenity.Actors;

/// <summary>Something a message can be told to: an actor ref or a selection.</summary>
public interface ICanTell
{
    /// <summary>Sends <paramref name="message"/> without waiting; <paramref name="sender"/> is where replies go (null: nobody).</summary>
    void Tell(object message, IActorRef? sender);
}

/// <summary>
/// An immutable, shareable handle to an actor. Nothing about it says the actor is in this process:
/// callers only Tell, and the ref decides how the message travels.
/// </summary>
public interface IActorRef : ICanTell, IEquatable<IActorRef>
{
    /// <summary>The actor's path (with its incarnation uid).</summary>
    ActorPath Path { get; }
}

/// <summary>Kernel-side view of a ref: system messages (watch, stop, supervision) go through here.</summary>
internal interface IInternalActorRef : IActorRef
{
    /// <summary>True once the actor is known to be dead.</summary>
    bool IsTerminated { get; }

    /// <summary>Delivers a system message; system messages overtake user messages.</summary>
    void SendSystemMessage(SystemMessage message);
}

/// <summary>Well-known refs.</summary>
public static class ActorRefs
{
    /// <summary>A ref that discards everything; "no actor".</summary>
    public static readonly IActorRef Nobody = new NobodyRef();

    /// <summary>The sender to use when there is none (replies then go to dead letters).</summary>
    public static readonly IActorRef? NoSender;

    private sealed class NobodyRef : MinimalActorRef
    {
        internal NobodyRef() : base(new RootActorPath(new Address(Address.DefaultProtocol, "all-systems")).Child("Nobody"))
        {
        }

        public override void Tell(object message, IActorRef? sender)
        {
        }

        internal override void SendSystemMessage(SystemMessage message)
        {
            if (message is Watch w) w.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: false));
        }

        internal override bool IsTerminated => true;
    }
}

/// <summary>Akka's implicit-sender helpers.</summary>
public static class ActorRefExtensions
{
    /// <summary>Tells with the current actor as sender (or no sender outside an actor).</summary>
    public static void Tell(this ICanTell receiver, object message) =>
        receiver.Tell(message, ActorCell.Current?.Self ?? ActorCell.ImplicitSender);

    /// <summary>Sends a message on, keeping the original sender.</summary>
    public static void Forward(this ICanTell receiver, object message) =>
        receiver.Tell(message, ActorCell.Current?.Sender);

    /// <summary>True for null and <see cref="ActorRefs.Nobody"/>.</summary>
    public static bool IsNobody(this IActorRef? actorRef) => actorRef is null || ReferenceEquals(actorRef, ActorRefs.Nobody);
}
