using Serenity.Actors;

namespace Serenity.Persistence;

/// <summary>
/// A persistent actor with typed handlers registered in its constructor: <see cref="Recover{T}"/> for
/// snapshot offers, events and <see cref="RecoveryCompleted"/>; <see cref="Command{T}(Action{T})"/> for commands.
/// </summary>
public abstract class ReceivePersistentActor : PersistentActorBase
{
    private readonly MessageHandlers _recover = new();
    private readonly MessageHandlers _commands = new();
    private MessageHandlers? _configuringCommands;

    /// <summary>Starts registering handlers.</summary>
    protected ReceivePersistentActor() => _configuringCommands = _commands;

    /// <summary>Handles recovery messages of type <typeparamref name="T"/>.</summary>
    protected void Recover<T>(Action<T> handler) => _recover.Add(new ActionHandler<T>(handler, null));

    /// <summary>Handles recovery messages of type <typeparamref name="T"/> that satisfy <paramref name="shouldHandle"/>.</summary>
    protected void Recover<T>(Action<T> handler, Predicate<T> shouldHandle) => _recover.Add(new ActionHandler<T>(handler, shouldHandle));

    /// <summary>Handles commands of type <typeparamref name="T"/>.</summary>
    protected void Command<T>(Action<T> handler) => AddCommand(new ActionHandler<T>(handler, null));

    /// <summary>Handles commands of type <typeparamref name="T"/> that satisfy <paramref name="shouldHandle"/>.</summary>
    protected void Command<T>(Action<T> handler, Predicate<T> shouldHandle) => AddCommand(new ActionHandler<T>(handler, shouldHandle));

    /// <summary>Handles commands of type <typeparamref name="T"/>; the handler returns false to pass it on.</summary>
    protected void Command<T>(Func<T, bool> handler) => AddCommand(new FuncHandler<T>(handler));

    /// <summary>Handles any command not handled before.</summary>
    protected void CommandAny(Action<object> handler) => AddCommand(new ActionHandler<object>(handler, null));

    /// <summary>Handles commands asynchronously; the actor takes no other message until the task ends.</summary>
    protected void CommandAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null) => AddCommand(new AsyncHandler<T>(handler, shouldHandle));

    /// <summary>Replaces the command handlers with those <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var set = new MessageHandlers();
        var previous = _configuringCommands;
        _configuringCommands = set;
        try
        {
            configure();
        }
        finally
        {
            _configuringCommands = previous;
        }
        var cell = Cell;
        Context.Become(m => set.Handle(m, cell));
    }

    /// <inheritdoc />
    protected sealed override bool ReceiveRecover(object message) => _recover.Handle(message, Cell);

    /// <inheritdoc />
    protected sealed override bool ReceiveCommand(object message)
    {
        _configuringCommands = null; // the constructor is over
        return _commands.Handle(message, Cell);
    }

    private void AddCommand(MessageHandler handler)
    {
        if (_configuringCommands is null)
        {
            throw new InvalidOperationException("Command handlers can only be registered in the constructor or inside Become.");
        }
        _configuringCommands.Add(handler);
    }
}
