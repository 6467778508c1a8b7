using System.Collections.Concurrent;

namespace Serenity.Actors;

/// <summary>
/// The kernel's home of one actor: its mailbox, the running instance, behaviour stack, children,
/// watches and supervision state. Everything except posting runs on the one thread currently
/// processing the mailbox, so the actor's own state needs no locks.
/// Split over partial files: mailbox and dispatch, system messages, children, death watch,
/// faults and restarts, receive timeout, async handlers.
/// </summary>
internal sealed partial class ActorCell : IActorContext
{
    [ThreadStatic]
    private static ActorCell? t_current;

    private readonly ActorSystemImpl _system;
    private readonly IInternalActorRef _parent;
    private readonly LocalActorRef _self;
    private readonly Props _props;

    private ActorBase? _actor;
    private Receive? _behavior; // null: the actor's own Receive (saves a delegate per actor)
    private List<Receive?>? _behaviorStack;
    private object? _currentMessage;
    private IActorRef? _currentSender;
    private ActorStash? _stash;
    private TimerScheduler? _timers;

    public ActorCell(ActorSystemImpl system, Props props, IInternalActorRef parent, ActorPath path)
    {
        _system = system;
        _props = props;
        _parent = parent;
        _self = new LocalActorRef(this, path);
        var mailbox = system.Settings.MailboxFor(props);
        _capacity = mailbox.Capacity;
        Dispatcher = system.Dispatchers.Lookup(props.Dispatcher);
    }

    private static readonly AsyncLocal<IActorRef?> s_implicitSender = new();

    /// <summary>
    /// Sender used by <c>Tell(message)</c> outside any actor: null normally; the TestKit sets its
    /// TestActor here so replies to test code reach the probe, as in Akka's TestKit.
    /// </summary>
    internal static IActorRef? ImplicitSender
    {
        get => s_implicitSender.Value;
        set => s_implicitSender.Value = value;
    }

    /// <summary>The cell whose actor is running on this thread, if any.</summary>
    internal static ActorCell? Current => t_current;

    /// <summary>True while the actor's constructor runs (ActorBase checks it).</summary>
    internal bool IsCreatingActor { get; private set; }

    internal Dispatcher Dispatcher { get; }

    internal ActorSystemImpl SystemImpl => _system;

    internal IInternalActorRef ParentRef => _parent;

    internal LocalActorRef SelfRef => _self;

    public IActorRef Self => _self;

    public IActorRef Sender => _currentSender ?? _system.DeadLetters;

    /// <summary>The sender of the message being handled; persistence sets it to a command's sender while that command's events are handled.</summary>
    internal IActorRef? CurrentSender
    {
        get => _currentSender;
        set => _currentSender = value;
    }

    internal Envelope CurrentEnvelope => new(_currentMessage ?? throw new InvalidOperationException("No message is being processed"), _currentSender);

    public IActorRef Parent => _parent;

    public Props Props => _props;

    public ActorSystem System => _system;

    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        _behavior = receive;
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        (_behaviorStack ??= []).Add(_behavior);
        _behavior = receive;
    }

    public void UnbecomeStacked()
    {
        if (_behaviorStack is not { Count: > 0 } stack) return;
        _behavior = stack[^1];
        stack.RemoveAt(stack.Count - 1);
    }

    public ActorSelection ActorSelection(string path) => Actors.ActorSelection.Create(_self, path, _system);

    /// <summary>Constructs the actor instance (first start and restart).</summary>
    private void NewActorInstance()
    {
        IsCreatingActor = true;
        try
        {
            var actor = _props.Factory();
            if (actor is IWithStash withStash) withStash.Stash = _stash ??= new ActorStash(this);
            if (actor is IWithTimers withTimers) withTimers.Timers = _timers ??= new TimerScheduler(this);
            _actor = actor;
            _behavior = null;
            _behaviorStack?.Clear();
        }
        finally
        {
            IsCreatingActor = false;
        }
    }

    public override string ToString() => $"ActorCell({_self.Path})";
}
