namespace Serenity.Actors;

/// <summary>
/// An actor whose behaviour is a list of typed handlers registered in its constructor (or inside
/// <see cref="Become(Action)"/>). The first handler whose type (and predicate) matches handles the message.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private readonly MessageHandlers _initial = new();
    private MessageHandlers? _configuring;
    private bool _started;

    /// <summary>Starts configuring the initial behaviour.</summary>
    protected ReceiveActor() => _configuring = _initial;

    /// <summary>Handles messages of type <typeparamref name="T"/>.</summary>
    protected void Receive<T>(Action<T> handler) => Add(new ActionHandler<T>(handler, null));

    /// <summary>Handles messages of type <typeparamref name="T"/> that satisfy <paramref name="shouldHandle"/>.</summary>
    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle) => Add(new ActionHandler<T>(handler, shouldHandle));

    /// <summary>Handles messages of type <typeparamref name="T"/> that satisfy <paramref name="shouldHandle"/>.</summary>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler) => Add(new ActionHandler<T>(handler, shouldHandle));

    /// <summary>Handles messages of type <typeparamref name="T"/>; the handler returns false to pass the message on.</summary>
    protected void Receive<T>(Func<T, bool> handler) => Add(new FuncHandler<T>(handler));

    /// <summary>
    /// Handles messages of type <typeparamref name="T"/> asynchronously: the actor takes no other message until
    /// the task completes, code after <c>await</c> runs inside the actor (Context and Sender stay valid), and a
    /// failure of the task is supervised like any other failure.
    /// </summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null) =>
        Add(new AsyncHandler<T>(handler, shouldHandle));

    /// <summary>Handles any message not handled by an earlier handler.</summary>
    protected void ReceiveAny(Action<object> handler) => Add(new ActionHandler<object>(handler, null));

    /// <summary>Handles any message asynchronously (see <see cref="ReceiveAsync{T}"/>).</summary>
    protected void ReceiveAnyAsync(Func<object, Task> handler) => Add(new AsyncHandler<object>(handler, null));

    /// <summary>Replaces the behaviour with the handlers <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure) => Context.Become(Configure(configure));

    /// <summary>Pushes the handlers <paramref name="configure"/> registers; <see cref="UnbecomeStacked"/> pops them.</summary>
    protected void BecomeStacked(Action configure) => Context.BecomeStacked(Configure(configure));

    /// <summary>Returns to the behaviour before the last <see cref="BecomeStacked(Action)"/>.</summary>
    protected void UnbecomeStacked() => Context.UnbecomeStacked();

    /// <inheritdoc />
    protected internal sealed override bool Receive(object message)
    {
        if (!_started)
        {
            _started = true;
            _configuring = null;
        }
        return _initial.Handle(message, Cell);
    }

    private Receive Configure(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var previous = _configuring;
        var set = new MessageHandlers();
        _configuring = set;
        try
        {
            configure();
        }
        finally
        {
            _configuring = previous;
        }
        var cell = Cell;
        return m => set.Handle(m, cell);
    }

    private void Add(MessageHandler handler)
    {
        if (_configuring is null)
        {
            throw new InvalidOperationException("Receive handlers can only be registered in the constructor or inside Become/BecomeStacked.");
        }
        _configuring.Add(handler);
    }
}
