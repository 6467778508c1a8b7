namespace Serenity.Actors;

/// <summary>The in-process actor system: guardians, dead letters, logging, scheduler.</summary>
internal sealed class ActorSystemImpl : ActorSystem
{
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DeadLetterActorRef _deadLetters;
    private readonly ActorCell _rootCell;
    private readonly ActorCell _userCell;
    private readonly ActorCell _systemCell;
    private readonly Dictionary<Type, object> _extensions = [];
    private readonly Stack<Func<Task>> _onTermination = new();
    private int _terminating;

    public ActorSystemImpl(string name, Settings settings, TimeProvider clock)
    {
        Name = name;
        Settings = settings;
        Clock = clock;
        StartTime = clock.GetUtcNow();
        Scheduler = new TimeProviderScheduler(clock);
        EventStream = new EventStream();
        Dispatchers = new Dispatchers(settings);
        RootPath = new RootActorPath(new Address(Address.DefaultProtocol, name));
        TempPath = RootPath.Child("temp");
        if (settings.StdoutLogLevel != LogLevel.Off) EventStream.Subscribe(new StandardOutLogger(settings.StdoutLogLevel), typeof(LogEvent));
        Log = LoggerFor($"ActorSystem({name})");
        _deadLetters = new DeadLetterActorRef(this, RootPath.Child("deadLetters"));

        var bubbleWalker = new RootParentRef(this, RootPath.Child("bubble-walker"));
        _rootCell = new ActorCell(this, Props.Create(() => new RootGuardian()), bubbleWalker, RootPath);
        _systemCell = _rootCell.MakeChild(Props.Create(() => new Guardian()), "system").Cell;
        _userCell = _rootCell.MakeChild(Props.Create(() => new Guardian()), "user").Cell;
        _rootCell.SendSystemMessage(new Create());
    }

    public override string Name { get; }

    public override Settings Settings { get; }

    public override TimeProvider Clock { get; }

    public override IScheduler Scheduler { get; }

    public override EventStream EventStream { get; }

    public override IActorRef DeadLetters => _deadLetters;

    public override long DeadLetterCount => _deadLetters.Count;

    public override ILoggingAdapter Log { get; }

    public override Task WhenTerminated => _terminated.Task;

    public override DateTimeOffset StartTime { get; }

    internal Dispatchers Dispatchers { get; }

    internal ActorPath RootPath { get; }

    internal ActorPath TempPath { get; }

    internal ActorCell RootCell => _rootCell;

    internal ActorCell UserCell => _userCell;

    internal ActorCell SystemGuardianCell => _systemCell;

    internal bool IsTerminating => Volatile.Read(ref _terminating) == 1;

    public override IActorRef ActorOf(Props props, string? name = null) => _userCell.MakeChild(props, name);

    /// <summary>Creates an actor under <c>/system</c> (kernel and plugin actors).</summary>
    internal IActorRef SystemActorOf(Props props, string? name = null) => _systemCell.MakeChild(props, name);

    public override ActorSelection ActorSelection(string path) => Actors.ActorSelection.Create(_userCell.SelfRef, path, this);

    public override void Stop(IActorRef actor)
    {
        if (actor is IInternalActorRef r) r.SendSystemMessage(new Terminate());
    }

    public override Task Terminate()
    {
        if (Interlocked.Exchange(ref _terminating, 1) == 0) _rootCell.Post(RootGuardian.StopUserGuardian.Instance, null);
        return WhenTerminated;
    }

    public override ILoggingAdapter LoggerFor(string source) => new BusLogging(EventStream, source, Settings.LogLevel, Clock);

    public override T GetOrAddExtension<T>(Func<ActorSystem, T> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        lock (_extensions)
        {
            if (_extensions.TryGetValue(typeof(T), out var existing)) return (T)existing;
            var extension = create(this);
            _extensions[typeof(T)] = extension;
            DisposeOnTermination(extension);
            return extension;
        }
    }

    // Apart from GetOrAddExtension: a lambda capturing a local there made the compiler allocate its closure on every
    // call, the lookups of an existing extension (pub/sub, sharding: several per message) included.
    private void DisposeOnTermination(object extension)
    {
        if (extension is IAsyncDisposable disposable) _onTermination.Push(() => disposable.DisposeAsync().AsTask());
    }

    public override void RegisterOnTermination(Func<Task> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_extensions) _onTermination.Push(callback);
    }

    internal long NewUid()
    {
        long uid;
        do uid = Random.Shared.NextInt64();
        while (uid == 0);
        return uid;
    }

    internal void DeadLetter(object message, IActorRef? sender, IActorRef recipient)
    {
        if (message is SelectionDelivery selection)
        {
            // A selection that met a dead actor on its way: report (or answer) the message it carried.
            if (selection.Message is Identify identify) selection.Sender?.Tell(new ActorIdentity(identify.MessageId, null), null);
            else DeadLetter(selection.Message, selection.Sender, recipient);
            return;
        }
        _deadLetters.Publish(new DeadLetter(message, sender, recipient));
    }

    /// <summary>Every actor has stopped: run the termination callbacks, then complete <see cref="WhenTerminated"/>.</summary>
    internal void MarkTerminated() => _ = Task.Run(async () =>
    {
        while (true)
        {
            Func<Task> next;
            lock (_extensions)
            {
                if (!_onTermination.TryPop(out next!)) break;
            }
            try
            {
                await next().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Log.Error(e, $"A termination callback failed: {e.Message}");
            }
        }
        _terminated.TrySetResult();
    });

    /// <summary>The root's parent: the root's end is the system's end.</summary>
    private sealed class RootParentRef(ActorSystemImpl system, ActorPath path) : MinimalActorRef(path)
    {
        public override void Tell(object message, IActorRef? sender)
        {
        }

        internal override void SendSystemMessage(SystemMessage message)
        {
            switch (message)
            {
                case ChildTerminated:
                    system.MarkTerminated();
                    break;
                case Failed f:
                    system.Log.Error(f.Cause, $"The root guardian failed; shutting down: {f.Cause.Message}");
                    system.RootCell.SendSystemMessage(new Terminate());
                    break;
            }
        }
    }
}
