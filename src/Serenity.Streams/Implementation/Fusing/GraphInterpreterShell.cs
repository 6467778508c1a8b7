using Serenity.Actors;

namespace Serenity.Streams.Implementation.Fusing;

/// <summary>
/// The execution context of one interpreter: a serial event loop. Events from other threads (async
/// callbacks, timers, stage-actor messages) go into a lock-free inbox; whoever finds the loop idle runs
/// it. A caller outside any actor or stream (a test thread, a timer firing in virtual time, a task
/// continuation) runs it inline, so a virtual-time <c>Advance</c> drives throttles and windows
/// deterministically; a caller inside an actor's turn or another interpreter hands it to the thread pool,
/// so islands run in parallel. One turn processes at most <c>sync-processing-limit</c> events, then
/// the loop yields its thread and continues from the pool.
/// </summary>
internal sealed class GraphInterpreterShell : IThreadPoolWorkItem
{
    private const int Idle = 0;
    private const int Busy = 1;
    private const int Done = 2;

    [ThreadStatic]
    private static GraphInterpreterShell? t_running;

    private readonly MpscQueue<AsyncEvent> _inbox = new();
    private readonly int _limit;
    private readonly ActorMaterializer _materializer;
    private int _state = Busy; // until Start runs the first turn
    private bool _started;
    private TimeSpan _busy; // summed only while InterpreterBusyTime.ThreadClock is set
    private bool _busyReported;

    public GraphInterpreterShell(ActorMaterializer materializer, int syncProcessingLimit)
    {
        _materializer = materializer;
        _limit = syncProcessingLimit;
        Interpreter = new GraphInterpreter(materializer, this);
    }

    public GraphInterpreter Interpreter { get; }

    /// <summary>The shell whose loop runs on this thread.</summary>
    public static GraphInterpreterShell? Running => t_running;

    /// <summary>True once every stage has stopped.</summary>
    public bool IsTerminated => Volatile.Read(ref _state) == Done;

    /// <summary>Runs the first turn (PreStart of every stage, then the events they cause).</summary>
    public void Start() => Dispatch();

    /// <summary>Queues an event; from any thread.</summary>
    public void Post(AsyncEvent e)
    {
        if (Volatile.Read(ref _state) == Done)
        {
            e.OnDropped();
            return;
        }
        _inbox.Enqueue(e);
        // Dekker with the loop's release below: both sides fence between their write and their read. Here the CAS
        // is the fence: a plain read of the state could pass the enqueue's last store (x86 lets a load overtake an
        // earlier store), see "busy" while the loop, going idle, misses the event: the graph then stalled for good
        // (seen with two islands, whose boundary wakes the other side through this inbox).
        var state = Interlocked.CompareExchange(ref _state, Busy, Idle);
        if (state == Idle) Dispatch();
        else if (state == Done) DrainDropped(); // the loop ended between our check and our enqueue
    }

    /// <summary>Stops every stage from outside (materializer shutdown).</summary>
    public void Abort() => Post(new AbortEvent(this));

    private void Dispatch()
    {
        if (t_running is null && !Dispatcher.InTurn) Run();
        else ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    void IThreadPoolWorkItem.Execute() => Run();

    private void Run()
    {
        var previous = t_running;
        t_running = this;
        var clock = InterpreterBusyTime.ThreadClock;
        var started = clock?.Invoke() ?? TimeSpan.Zero;
        // Publishing stages wake many idle actors per turn: queue them to the pool in batches.
        Dispatcher.BeginWakeUpBatch();
        try
        {
            RunTurn();
        }
        catch (Exception e)
        {
            // The interpreter contains stage failures itself; reaching here is a bug in the library.
            _materializer.Logger.Error(e, $"Stream interpreter crashed: {e.Message}");
            Interpreter.Abort();
            Terminate();
        }
        finally
        {
            Dispatcher.EndWakeUpBatch();
            t_running = previous;
            if (clock is not null) AddBusy(clock() - started);
        }
    }

    private void AddBusy(TimeSpan turn)
    {
        _busy += turn;
        if (!IsTerminated || _busyReported) return;
        _busyReported = true;
        InterpreterBusyTime.Finished(_busy);
    }

    private void RunTurn()
    {
        if (!_started)
        {
            _started = true;
            Interpreter.StartPending();
        }
        var budget = _limit;
        while (true)
        {
            budget = Interpreter.Execute(budget);
            if (Interpreter.IsCompleted)
            {
                Terminate();
                return;
            }
            if (budget > 0 && _inbox.TryDequeue(out var e))
            {
                budget--;
                Handle(e);
                continue;
            }
            if (budget <= 0)
            {
                Dispatcher.FlushWakeUps();
                // The turn is over. On a pool thread with nothing else waiting there is nobody to be
                // fair to, and requeueing would only wake idle workers: carry on, but let one event
                // from outside in first, so a busy graph still hears its callbacks and timers.
                if (Thread.CurrentThread.IsThreadPoolThread && ThreadPool.PendingWorkItemCount == 0 && !Dispatcher.InTurn)
                {
                    budget = _limit;
                    if (_inbox.TryDequeue(out var next)) Handle(next);
                    continue;
                }
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                return;
            }
            if (Interpreter.HasPendingEvents) continue;
            Interlocked.Exchange(ref _state, Idle);
            if (!_inbox.HasItems || Interlocked.CompareExchange(ref _state, Busy, Idle) != Idle) return;
        }
    }

    private void Handle(AsyncEvent e)
    {
        if (e is AbortEvent) Interpreter.Abort();
        else Interpreter.RunAsync(e);
    }

    private void Terminate()
    {
        Volatile.Write(ref _state, Done);
        DrainDropped();
        _materializer.Unregister(this);
    }

    /// <summary>Settles events that will never run (an offer waiting for its result); once done, whoever holds the lock is the consumer.</summary>
    private void DrainDropped()
    {
        lock (_inbox)
        {
            while (_inbox.TryDequeue(out var e)) e.OnDropped();
        }
    }

    private sealed class AbortEvent(GraphInterpreterShell shell) : AsyncEvent(null!)
    {
        public GraphInterpreterShell Shell { get; } = shell;

        public override void Run()
        {
        }
    }
}
