namespace Serenity.Actors;

/// <summary>A ref with no cell behind it: dead letters, Nobody, ask promises, test probes.</summary>
public abstract class MinimalActorRef : IInternalActorRef
{
    /// <summary>Creates a ref with the given path.</summary>
    protected MinimalActorRef(ActorPath path) => Path = path;

    /// <inheritdoc />
    public ActorPath Path { get; }

    /// <inheritdoc />
    public abstract void Tell(object message, IActorRef? sender);

    bool IInternalActorRef.IsTerminated => IsTerminated;

    void IInternalActorRef.SendSystemMessage(SystemMessage message) => SendSystemMessage(message);

    internal virtual bool IsTerminated => false;

    /// <summary>Minimal refs ignore system messages unless they say otherwise.</summary>
    internal virtual void SendSystemMessage(SystemMessage message)
    {
    }

    /// <inheritdoc />
    public bool Equals(IActorRef? other) => other is not null && Path.Equals(other.Path) && Path.Uid == other.Path.Uid;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IActorRef r && Equals(r);

    /// <inheritdoc />
    public override int GetHashCode() => Path.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => $"[{Path}]";
}
