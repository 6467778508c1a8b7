namespace Serenity.Actors;

/// <summary>Base of the kernel's exceptions.</summary>
public class ActorException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActorException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}

/// <summary>The actor was sent <see cref="Kill"/>.</summary>
public sealed class ActorKilledException(string message) : ActorException(message);

/// <summary>A watched actor died and the watcher did not handle <see cref="Terminated"/>.</summary>
public sealed class DeathPactException(IActorRef deadActor)
    : ActorException($"Monitored actor {deadActor} terminated and the Terminated message was not handled")
{
    /// <summary>The actor that died.</summary>
    public IActorRef DeadActor { get; } = deadActor;
}

/// <summary>The actor's constructor (or PreStart) threw.</summary>
public sealed class ActorInitializationException(IActorRef? actor, string message, Exception? inner = null)
    : ActorException(message, inner)
{
    /// <summary>The actor that failed to start.</summary>
    public IActorRef? Actor { get; } = actor;
}

/// <summary>An Ask got no reply in time, or its target was already dead.</summary>
public sealed class AskTimeoutException(string message) : ActorException(message);

/// <summary>An actor name is malformed or taken.</summary>
public sealed class InvalidActorNameException(string message) : ActorException(message);

/// <summary>An <see cref="ActorSelection"/> matched no actor.</summary>
public sealed class ActorNotFoundException(string message) : ActorException(message);

/// <summary>The actor was used in a way its state forbids (e.g. stashing a message twice).</summary>
public sealed class IllegalActorStateException(string message) : ActorException(message);
