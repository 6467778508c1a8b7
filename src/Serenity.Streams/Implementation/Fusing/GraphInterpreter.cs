using System.Runtime.CompilerServices;
using Serenity.Actors;
using Serenity.Streams.Stage;

namespace Serenity.Streams.Implementation.Fusing;

/// <summary>
/// Runs a fused graph: the stage logics of one island and the connections between them.
/// <para>
/// A pull or push is delivered at once, as a direct call of the other stage's handler, when that stage
/// is not itself in the middle of a handler; otherwise it becomes an event on the connection, queued
/// and delivered later by <see cref="Execute"/>. So no stage's code is re-entered (the one exception is
/// opt-in for the library's simplest stages, see <see cref="GraphStageLogic.ReentrantPull"/>), a linear
/// chain costs one handler call per hop with no queueing (the queue is used only where a signal turns
/// back towards a stage still on the stack), and nesting is capped so the stack stays shallow.
/// Completion, failure and cancellation always go through the queue, after the elements sent before them.
/// </para>
/// <para>
/// Handlers of the library's own stages never throw (they catch user code), so the call into them has no
/// exception frame and inlines into the calling stage; other stages' handlers run inside a try, so a
/// throwing stage fails alone and the caller's handler carries on.
/// </para>
/// Single-threaded: only its <see cref="GraphInterpreterShell"/> runs it.
/// </summary>
internal sealed class GraphInterpreter
{
    /// <summary>Nested direct deliveries allowed before signals queue up instead.</summary>
    private const int MaxDepth = 48;

    [ThreadStatic]
    private static GraphInterpreter? t_current;

    private readonly List<GraphStageLogic> _live = [];
    private readonly List<GraphStageLogic> _toFinalize = [];
    private Slot[] _ring = new Slot[16];
    private int _head;
    private int _tail;
    private GraphStageLogic? _active;
    private int _budget;
    private bool _finalizePending;
    private Signal _signal;

    public GraphInterpreter(ActorMaterializer materializer, GraphInterpreterShell shell)
    {
        Materializer = materializer;
        Shell = shell;
    }

    private enum Signal
    {
        None,
        Push,
        Pull,
        Close,
    }

    /// <summary>The interpreter running on this thread, if any.</summary>
    public static GraphInterpreter? Current => t_current;

    public ActorMaterializer Materializer { get; }

    public GraphInterpreterShell Shell { get; }

    /// <summary>The stage whose completion, cancellation, callback or PreStart is running.</summary>
    public GraphStageLogic? ActiveStage => _active;

    /// <summary>True once every stage has stopped.</summary>
    public bool IsCompleted => _live.Count == 0;

    /// <summary>True when events are waiting.</summary>
    public bool HasPendingEvents => _head != _tail;

    /// <summary>Adds stages (their connections are already wired); they start with <see cref="Start"/>.</summary>
    public void Register(IReadOnlyList<GraphStageLogic> logics)
    {
        foreach (var logic in logics)
        {
            logic.LiveIndex = _live.Count;
            _live.Add(logic);
        }
    }

    /// <summary>Runs PreStart of every registered stage that has not started yet.</summary>
    public void StartPending() => Start([.. _live.Where(l => !l.IsStarted)]);

    /// <summary>Runs PreStart of <paramref name="logics"/> in order.</summary>
    public void Start(IReadOnlyList<GraphStageLogic> logics)
    {
        foreach (var logic in logics)
        {
            if (logic.IsStopped || logic.IsStarted) continue;
            logic.IsStarted = true;
            RunOnBehalf(logic, static l => l.InvokePreStart(), "PreStart");
            logic.Running = false;
            logic.AcceptsNestedPull = logic.ReentrantPull;
        }
    }

    /// <summary>Runs an async callback, a timer or a stage-actor message on behalf of its stage.</summary>
    public void RunAsync(AsyncEvent e)
    {
        var logic = e.Logic;
        if (logic.IsStopped || !logic.IsStarted)
        {
            e.OnDropped();
            return;
        }
        RunOnBehalf(e, static ev => ev.Run(), "an async callback", logic);
    }

    private void RunOnBehalf(GraphStageLogic logic, Action<GraphStageLogic> action, string where) => RunOnBehalf(logic, action, where, logic);

    private void RunOnBehalf<TState>(TState state, Action<TState> action, string where, GraphStageLogic logic)
    {
        var previous = t_current;
        var previousActive = _active;
        var wasRunning = logic.Running;
        t_current = this;
        _active = logic;
        logic.Running = true;
        try
        {
            action(state);
        }
        catch (Exception e)
        {
            if (!wasRunning) RecoverFromEscapedException();
            ReportFailure(logic, e, where);
        }
        finally
        {
            logic.Running = wasRunning;
            _active = previousActive;
            t_current = previous;
        }
        if (_finalizePending && Depth == 0) FinalizeStopped();
    }

    /// <summary>Nesting of direct deliveries right now.</summary>
    public int Depth;

    /// <summary>True when a signal to <paramref name="target"/> may be delivered by a direct call now.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool CanDeliver(GraphStageLogic target) => !target.Running && Depth < MaxDepth;

    /// <summary>True when a pull to <paramref name="target"/> may be delivered by a direct call now (see <see cref="GraphStageLogic.ReentrantPull"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool CanDeliverPull(GraphStageLogic target) => (!target.Running || target.AcceptsNestedPull) && Depth < MaxDepth;

    /// <summary>Calls downstream's OnPush now (the connection's state says the element is available).</summary>
    /// <remarks>
    /// The library's own stages never let an exception escape a handler (they catch user code), so the
    /// call into them needs no exception frame and inlines into the pushing stage's code, where the JIT
    /// can devirtualize it. Other stages' handlers are called inside a try, so that a throwing stage
    /// fails alone and the stage that pushed carries on with its handler.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void DeliverPush(Connection c)
    {
        var logic = c.InLogic;
        if (!logic.Trusted)
        {
            DeliverPushGuarded(c, logic);
            return;
        }
        logic.Running = true;
        Depth++;
        logic.HandlePush(c);
        Depth--;
        logic.Running = false;
    }

    /// <summary>Calls upstream's OnPull now.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void DeliverPull(Connection c)
    {
        var logic = c.OutLogic;
        if (!logic.Trusted)
        {
            DeliverPullGuarded(c, logic);
            return;
        }
        var wasRunning = logic.Running; // a reentrant pull nests inside the stage's own OnPush
        logic.Running = true;
        Depth++;
        logic.HandlePull(c);
        Depth--;
        logic.Running = wasRunning;
    }

    private void DeliverPushGuarded(Connection c, GraphStageLogic logic)
    {
        logic.Running = true;
        Depth++;
        try
        {
            c.InHandler.OnPush();
        }
        catch (Exception e)
        {
            ReportFailure(logic, e, "OnPush");
        }
        finally
        {
            Depth--;
            logic.Running = false;
        }
    }

    private void DeliverPullGuarded(Connection c, GraphStageLogic logic)
    {
        var wasRunning = logic.Running;
        logic.Running = true;
        Depth++;
        try
        {
            c.OutHandler.OnPull();
        }
        catch (Exception e)
        {
            ReportFailure(logic, e, "OnPull");
        }
        finally
        {
            Depth--;
            logic.Running = wasRunning;
        }
    }

    /// <summary>
    /// An exception escaped a library stage's handler (a bug) through nested deliveries: the stages it
    /// unwound through are no longer running.
    /// </summary>
    private void RecoverFromEscapedException()
    {
        Depth = 0;
        foreach (var logic in _live)
        {
            if (logic.IsStarted) logic.Running = false; // an unstarted stage stays gated until its PreStart
        }
    }

    /// <summary>Queues a connection whose flags have changed (unless it is queued already).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Schedule(Connection c)
    {
        var s = c.State;
        if ((s & Connection.InQueue) != 0) return;
        c.State = s | Connection.InQueue;
        Enqueue(c);
    }

    /// <summary>Queues a connection the caller has just marked <see cref="Connection.InQueue"/>.</summary>
    public void Enqueue(Connection c)
    {
        if (_tail - _head == _ring.Length) Grow();
        _ring[_tail & (_ring.Length - 1)].Connection = c;
        _tail++;
    }

    private void Grow()
    {
        var bigger = new Slot[_ring.Length * 2];
        var count = _tail - _head;
        for (var i = 0; i < count; i++) bigger[i] = _ring[(_head + i) & (_ring.Length - 1)];
        _ring = bigger;
        _head = 0;
        _tail = count;
    }

    /// <summary>Delivers queued events until none is left or <paramref name="budget"/> is spent; returns what is left of it.</summary>
    public int Execute(int budget)
    {
        var previous = t_current;
        t_current = this;
        _budget = budget;
        try
        {
            while (!RunEvents())
            {
            }
            return _budget;
        }
        finally
        {
            t_current = previous;
        }
    }

    // Returns false after a handler threw (the failing stage has been failed; run on).
    private bool RunEvents()
    {
        Connection? c = null;
        try
        {
            while (_budget > 0)
            {
                if (_finalizePending) FinalizeStopped();
                if (_head == _tail) return true;
                ref var slot = ref _ring[_head & (_ring.Length - 1)];
                c = slot.Connection!;
                slot.Connection = null;
                _head++;
                _budget--;
                Process(c);
            }
            if (_finalizePending) FinalizeStopped();
            return true;
        }
        catch (Exception e)
        {
            // A queued signal's handler threw: that side's stage fails, the others go on.
            var failed = _signal == Signal.Pull ? c?.OutLogic : _signal == Signal.Push ? c?.InLogic : _active;
            RecoverFromEscapedException();
            if (failed is not null)
            {
                ReportFailure(failed, e, "a signal handler");
            }
            else
            {
                Materializer.Logger.Error(e, $"Stream interpreter error: {e.Message}");
            }
            _active = null;
            return false;
        }
    }

    private void Process(Connection c)
    {
        var s = c.State & ~Connection.InQueue;
        if ((s & Connection.PushPending) != 0)
        {
            s &= ~Connection.PushPending;
            if ((s & Connection.InClosed) != 0)
            {
                // Downstream cancelled while the element was on its way: drop it, tell upstream.
                c.State = s;
                c.ClearElement();
                if (Connection.HasPendingClose(s)) Schedule(c);
                return;
            }
            c.State = s | Connection.Available;
            if (Connection.HasPendingClose(s)) Schedule(c);
            var logic = c.InLogic;
            _signal = Signal.Push;
            logic.Running = true;
            logic.HandlePush(c);
            logic.Running = false;
            return;
        }
        if ((s & Connection.PullPending) != 0)
        {
            s &= ~Connection.PullPending;
            c.State = s;
            if (Connection.HasPendingClose(s)) Schedule(c);
            if ((s & (Connection.OutClosed | Connection.InClosed)) != 0) return;
            var logic = c.OutLogic;
            _signal = Signal.Pull;
            logic.Running = true;
            logic.HandlePull(c);
            logic.Running = false;
            return;
        }
        c.State = s;
        _signal = Signal.Close;
        if ((s & (Connection.OutClosed | Connection.OutClosedSeen | Connection.InClosed)) == Connection.OutClosed)
        {
            c.State = s | Connection.OutClosedSeen;
            var downstream = c.InLogic;
            _active = downstream;
            downstream.Running = true;
            downstream.OnPortClosed();
            if (c.Failure is { } failure) c.InHandler.OnUpstreamFailure(failure);
            else c.InHandler.OnUpstreamFinish();
            downstream.Running = false;
        }
        else if ((s & (Connection.InClosed | Connection.InClosedSeen | Connection.OutClosed)) == Connection.InClosed)
        {
            c.State = s | Connection.InClosedSeen;
            var upstream = c.OutLogic;
            _active = upstream;
            upstream.Running = true;
            upstream.OnPortClosed();
            c.OutHandler.OnDownstreamFinish(c.CancelCause ?? SubscriptionWithCancelException.NonFailureCancellation);
            upstream.Running = false;
        }
        _active = null;
    }

    /// <summary>A stage has closed its last port (or was told so): it stops once the current signal is done.</summary>
    public void MarkForFinalize(GraphStageLogic logic)
    {
        _toFinalize.Add(logic);
        _finalizePending = true;
    }

    private void FinalizeStopped()
    {
        // A PostStop may stop further stages (substream owners), so this loops until quiet.
        for (var i = 0; i < _toFinalize.Count; i++)
        {
            var logic = _toFinalize[i];
            if (logic.IsStopped || logic.PortsOpen != 0 || logic.KeepGoing) continue;
            Remove(logic);
            var previous = t_current;
            t_current = this;
            try
            {
                logic.InvokePostStop();
            }
            finally
            {
                t_current = previous;
            }
        }
        _toFinalize.Clear();
        _finalizePending = false;
    }

    private void Remove(GraphStageLogic logic)
    {
        var index = logic.LiveIndex;
        var last = _live[^1];
        _live[index] = last;
        last.LiveIndex = index;
        _live.RemoveAt(_live.Count - 1);
        logic.LiveIndex = -1;
    }

    private void ReportFailure(GraphStageLogic logic, Exception e, string where)
    {
        Materializer.Logger.Debug($"Stage [{logic}] failed in {where}: {e.Message}");
        try
        {
            logic.FailStage(e);
        }
        catch (Exception again)
        {
            Materializer.Logger.Error(again, $"Stage [{logic}] could not be failed: {again.Message}");
        }
    }

    /// <summary>Stops every stage at once (materializer or system shutdown): ports close silently, PostStop runs.</summary>
    public void Abort()
    {
        var previous = t_current;
        t_current = this;
        try
        {
            while (_live.Count > 0)
            {
                var logic = _live[^1];
                Remove(logic);
                logic.Abort();
            }
            _toFinalize.Clear();
            _finalizePending = false;
            Array.Clear(_ring);
            _head = _tail = 0;
        }
        finally
        {
            t_current = previous;
        }
    }

    public override string ToString() => $"GraphInterpreter({string.Join(", ", _live.ToArray().Select(l => l.ToString()))})";

    /// <summary>A queue slot: a struct, so storing a connection needs no array covariance check.</summary>
    private struct Slot
    {
        public Connection? Connection;
    }
}
