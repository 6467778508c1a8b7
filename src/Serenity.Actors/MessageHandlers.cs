namespace Serenity.Actors;

/// <summary>
/// An ordered list of typed handlers: the first whose type (and predicate) matches handles the message.
/// The behaviour of a <see cref="ReceiveActor"/>, and of persistent actors' command and recovery handlers.
/// </summary>
internal sealed class MessageHandlers
{
    private MessageHandler[] _handlers = [];

    public void Add(MessageHandler h) => _handlers = [.. _handlers, h];

    public bool Handle(object message, ActorCell cell)
    {
        foreach (var h in _handlers)
        {
            if (h.TryHandle(message, cell)) return true;
        }
        return false;
    }
}

/// <summary>One entry of <see cref="MessageHandlers"/>.</summary>
internal abstract class MessageHandler
{
    public abstract bool TryHandle(object message, ActorCell cell);
}

/// <summary>Runs an action for messages of type <typeparamref name="T"/> (that pass the predicate).</summary>
internal sealed class ActionHandler<T>(Action<T> action, Predicate<T>? shouldHandle) : MessageHandler
{
    public override bool TryHandle(object message, ActorCell cell)
    {
        if (message is not T m || (shouldHandle is not null && !shouldHandle(m))) return false;
        action(m);
        return true;
    }
}

/// <summary>A handler that says itself whether it handled the message.</summary>
internal sealed class FuncHandler<T>(Func<T, bool> handler) : MessageHandler
{
    public override bool TryHandle(object message, ActorCell cell) => message is T m && handler(m);
}

/// <summary>An asynchronous handler: the actor waits for its task (see <c>ReceiveAsync</c>).</summary>
internal sealed class AsyncHandler<T>(Func<T, Task> handler, Predicate<T>? shouldHandle) : MessageHandler
{
    public override bool TryHandle(object message, ActorCell cell)
    {
        if (message is not T m || (shouldHandle is not null && !shouldHandle(m))) return false;
        cell.RunAsyncHandler(handler, m);
        return true;
    }
}
