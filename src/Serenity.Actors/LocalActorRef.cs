namespace Serenity.Actors;

/// <summary>A ref to an actor in this process: a Tell is an enqueue into its cell's mailbox.</summary>
internal sealed class LocalActorRef(ActorCell cell, ActorPath path) : IInternalActorRef
{
    internal ActorCell Cell { get; } = cell;

    public ActorPath Path { get; } = path;

    public bool IsTerminated => Cell.IsClosed;

    public void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        Cell.Post(message, sender);
    }

    public void SendSystemMessage(SystemMessage message) => Cell.SendSystemMessage(message);

    // Refs are equal when path and incarnation match: a new actor under a reused name is a different ref.
    public bool Equals(IActorRef? other) =>
        ReferenceEquals(this, other) || (other is not null && other.Path.Uid == Path.Uid && other.Path.Equals(Path));

    public override bool Equals(object? obj) => obj is IActorRef r && Equals(r);

    public override int GetHashCode() => Path.Uid.GetHashCode();

    public override string ToString() => $"[{Path}#{Path.Uid}]";
}
