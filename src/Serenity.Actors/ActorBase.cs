namespace Serenity.Actors;

/// <summary>
/// Base of every actor. Create actors only through <c>ActorOf(Props)</c>; the kernel constructs the
/// instance inside its cell, which is how <see cref="Context"/> is available in the constructor.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;

    /// <summary>Binds the instance to the cell that is creating it.</summary>
    protected ActorBase()
    {
        _cell = ActorCell.Current is { IsCreatingActor: true } cell
            ? cell
            : throw new ActorInitializationException(null, "An actor can only be created through ActorOf(Props), not with 'new'.");
    }

    /// <summary>This actor's context.</summary>
    protected IActorContext Context => _cell;

    /// <summary>This actor.</summary>
    protected IActorRef Self => _cell.Self;

    /// <summary>Sender of the current message.</summary>
    protected IActorRef Sender => _cell.Sender;

    internal ActorCell Cell => _cell;

    /// <summary>Handles a message; returns false when it is not handled.</summary>
    protected internal abstract bool Receive(object message);

    /// <summary>Runs before the first message.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Runs after the actor has stopped (its children have stopped already).</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>Runs on the failed instance before it is replaced; by default stops all children and calls <see cref="PostStop"/>.</summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.Children)
        {
            Context.Unwatch(child);
            Context.Stop(child);
        }
        PostStop();
    }

    /// <summary>Runs on the new instance after a restart; by default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>How this actor supervises its children.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.DefaultStrategy;

    /// <summary>
    /// Called for messages the behaviour did not handle: an unhandled <see cref="Terminated"/> fails the
    /// actor with <see cref="DeathPactException"/>; anything else is published as <see cref="UnhandledMessage"/>.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated t) throw new DeathPactException(t.ActorRef);
        var system = _cell.System;
        system.EventStream.Publish(new UnhandledMessage(message, _cell.CurrentSender, Self));
        if (system.Settings.DebugUnhandled) system.LoggerFor(Self.Path.ToString()).Debug($"Unhandled message [{message}] from {Sender.Path}");
    }

    // The kernel calls these "around" hooks; kernel modules (persistence) override them to run their own
    // protocol around the user's lifecycle methods and behaviour, which the user cannot then break.
    internal virtual void AroundPreStart() => PreStart();

    internal virtual void AroundPostStop() => PostStop();

    internal virtual void AroundPreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal virtual void AroundPostRestart(Exception reason) => PostRestart(reason);

    internal virtual bool AroundReceive(Receive? behavior, object message) => behavior is null ? Receive(message) : behavior(message);

    internal void InvokeUnhandled(object message) => Unhandled(message);

    internal SupervisorStrategy InvokeSupervisorStrategy() => SupervisorStrategy();
}

/// <summary>An actor with a single receive method, Akka's <c>UntypedActor</c>.</summary>
public abstract class UntypedActor : ActorBase
{
    /// <summary>Handles a message; call <see cref="ActorBase.Unhandled"/>-style fallbacks with <c>Unhandled(message)</c>.</summary>
    protected abstract void OnReceive(object message);

    /// <inheritdoc />
    protected internal sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }

    /// <summary>Marks <paramref name="message"/> as not handled.</summary>
    protected new void Unhandled(object message) => base.Unhandled(message);
}
