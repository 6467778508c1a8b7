namespace Serenity.Actors;

/// <summary>Messages the kernel handles itself instead of the actor's receive.</summary>
public interface IAutoReceivedMessage;

/// <summary>Marks messages that do not reset an actor's receive timeout.</summary>
public interface INotInfluenceReceiveTimeout;

/// <summary>Stops the actor when processed, after the messages queued before it.</summary>
public sealed class PoisonPill : IAutoReceivedMessage
{
    /// <summary>The one instance.</summary>
    public static readonly PoisonPill Instance = new();

    private PoisonPill()
    {
    }
}

/// <summary>Makes the actor fail with <see cref="ActorKilledException"/>; its supervisor decides (by default: stop).</summary>
public sealed class Kill : IAutoReceivedMessage
{
    /// <summary>The one instance.</summary>
    public static readonly Kill Instance = new();

    private Kill()
    {
    }
}

/// <summary>Sent to watchers when a watched actor has stopped.</summary>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed, bool AddressTerminated) : IAutoReceivedMessage;

/// <summary>Sent to an actor that has received nothing for its receive timeout.</summary>
public sealed class ReceiveTimeout : INotInfluenceReceiveTimeout
{
    /// <summary>The one instance.</summary>
    public static readonly ReceiveTimeout Instance = new();

    private ReceiveTimeout()
    {
    }
}

/// <summary>Asks any actor for its ref; it answers <see cref="ActorIdentity"/>.</summary>
public sealed record Identify(object? MessageId) : IAutoReceivedMessage;

/// <summary>Answer to <see cref="Identify"/>; <see cref="Subject"/> is null when nothing lives there.</summary>
public sealed record ActorIdentity(object? MessageId, IActorRef? Subject);

/// <summary>Conventional replies for operations: success or failure.</summary>
public static class Status
{
    /// <summary>Success with an optional value.</summary>
    public sealed record Success(object? Status);

    /// <summary>Failure with its cause; an Ask receiving this fails with <see cref="Cause"/>.</summary>
    public sealed record Failure(Exception Cause);
}

/// <summary>A message that could not be delivered (the recipient was dead or its mailbox full).</summary>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient);

/// <summary>A message the recipient's behaviour did not handle.</summary>
public sealed record UnhandledMessage(object Message, IActorRef? Sender, IActorRef Recipient);
