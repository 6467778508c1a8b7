using System.Runtime.CompilerServices;
using Serenity.Streams.Implementation.Fusing;

namespace Serenity.Streams.Stage;

/// <summary>Port operations: the push/pull protocol.</summary>
public abstract partial class GraphStageLogic
{
    /// <summary>Sets the handler of <paramref name="inlet"/>.</summary>
    protected void SetHandler(Inlet inlet, IInHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var id = IdOf(inlet);
        InHandlers[id] = handler;
        if (InConns[id] is { } c) c.SetInHandler(handler);
    }

    /// <summary>Sets the handler of <paramref name="outlet"/>.</summary>
    protected void SetHandler(Outlet outlet, IOutHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var id = IdOf(outlet);
        OutHandlers[id] = handler;
        if (OutConns[id] is { } c) c.SetOutHandler(handler);
    }

    /// <summary>Sets the handler of <paramref name="inlet"/> from delegates (defaults: complete, fail the stage).</summary>
    protected void SetHandler(Inlet inlet, Action onPush, Action? onUpstreamFinish = null, Action<Exception>? onUpstreamFailure = null) =>
        SetHandler(inlet, new LambdaInHandler(this, onPush, onUpstreamFinish, onUpstreamFailure));

    /// <summary>Sets the handler of <paramref name="outlet"/> from delegates (default: cancel the stage).</summary>
    protected void SetHandler(Outlet outlet, Action onPull, Action<Exception>? onDownstreamFinish = null) =>
        SetHandler(outlet, new LambdaOutHandler(this, onPull, onDownstreamFinish));

    /// <summary>Sets one object as the handler of both ports.</summary>
    protected void SetHandlers<THandler>(Inlet inlet, Outlet outlet, THandler handler) where THandler : IInHandler, IOutHandler
    {
        SetHandler(inlet, handler);
        SetHandler(outlet, handler);
    }

    /// <summary>The current handler of <paramref name="outlet"/>.</summary>
    protected IOutHandler GetHandler(Outlet outlet) =>
        OutHandlers[IdOf(outlet)] ?? throw new InvalidOperationException($"No handler set for {outlet}");

    /// <summary>Delivers OnPush to the handler of <paramref name="c"/>'s inlet (a virtual call the library's logics shortcut).</summary>
    internal virtual void HandlePush(Connection c) => c.InHandler.OnPush();

    /// <summary>Delivers OnPull to the handler of <paramref name="c"/>'s outlet.</summary>
    internal virtual void HandlePull(Connection c) => c.OutHandler.OnPull();

    /// <summary>The typed connection of <paramref name="inlet"/> (valid from PreStart on), for the library's hot paths.</summary>
    internal Connection<T> InConnection<T>(Inlet<T> inlet) => (Connection<T>)InConns[IdOf(inlet)];

    /// <summary>The typed connection of <paramref name="outlet"/> (valid from PreStart on).</summary>
    internal Connection<T> OutConnection<T>(Outlet<T> outlet) => (Connection<T>)OutConns[IdOf(outlet)];

    /// <summary>Asks upstream for one element; its arrival calls the inlet's OnPush.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected internal void Pull(Inlet inlet) => PullFrom(InConns[inlet.Id]);

    /// <summary><see cref="Pull"/> on a connection already at hand.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void PullFrom(Connection c)
    {
        var s = c.State;
        const int blocking = Connection.Pulled | Connection.PushPending | Connection.Available | Connection.InClosed
            | Connection.OutClosed | Connection.OutClosedSeen | Connection.InQueue;
        if ((s & blocking) == 0)
        {
            var interpreter = Interpreter;
            if (interpreter.CanDeliverPull(c.OutLogic))
            {
                c.State = s | Connection.Pulled;
                interpreter.DeliverPull(c);
            }
            else
            {
                c.State = s | Connection.Pulled | Connection.PullPending | Connection.InQueue;
                interpreter.Enqueue(c);
            }
            return;
        }
        PullSlow(c, s);
    }

    private void PullSlow(Connection c, int s)
    {
        if ((s & (Connection.InClosed | Connection.OutClosedSeen)) != 0) throw new InvalidOperationException($"Cannot pull closed port [{c.InPort}] of stage [{this}]");
        if ((s & (Connection.Pulled | Connection.PushPending)) != 0) throw new InvalidOperationException($"Cannot pull port [{c.InPort}] of stage [{this}] twice");
        if ((s & Connection.Available) != 0) throw new InvalidOperationException($"Cannot pull port [{c.InPort}] of stage [{this}] before grabbing the element it has");
        // Upstream has completed (we have not been told yet) or a completion is queued: record the demand only.
        c.State = s | Connection.Pulled | ((s & Connection.OutClosed) == 0 ? Connection.PullPending : 0);
        if ((s & Connection.OutClosed) == 0) Interpreter.Schedule(c);
    }

    /// <summary>Pulls unless the inlet is closed or already pulled.</summary>
    protected void TryPull(Inlet inlet)
    {
        var s = InConns[inlet.Id].State;
        if ((s & (Connection.Pulled | Connection.PushPending | Connection.Available | Connection.InClosed | Connection.OutClosedSeen)) == 0) Pull(inlet);
    }

    /// <summary>Takes the element that arrived on <paramref name="inlet"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected internal T Grab<T>(Inlet<T> inlet) => GrabFrom((Connection<T>)InConns[inlet.Id]);

    /// <summary><see cref="Grab{T}"/> on a connection already at hand.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal T GrabFrom<T>(Connection<T> c)
    {
        var s = c.State;
        if ((s & Connection.Available) == 0) ThrowNothingToGrab(c.InPort);
        c.State = s & ~Connection.Available;
        var element = c.Element;
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) c.Element = default!;
        return element;
    }

    private void ThrowNothingToGrab(Inlet inlet) =>
        throw new InvalidOperationException($"Cannot grab element from port [{inlet}] of stage [{this}]: no element is available");

    /// <summary>Sends an element downstream; allowed once per pull (see <see cref="IsAvailable(Outlet)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected internal void Push<T>(Outlet<T> outlet, T element) => PushTo((Connection<T>)OutConns[outlet.Id], element);

    /// <summary><see cref="Push{T}"/> on a connection already at hand.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void PushTo<T>(Connection<T> c, T element)
    {
        var s = c.State;
        const int mask = Connection.Pulled | Connection.PullPending | Connection.OutClosed | Connection.InClosed | Connection.InQueue;
        if ((s & mask) == Connection.Pulled)
        {
            c.Element = element;
            var interpreter = Interpreter;
            if (interpreter.CanDeliver(c.InLogic))
            {
                c.State = s ^ (Connection.Pulled | Connection.Available);
                interpreter.DeliverPush(c);
            }
            else
            {
                c.State = s ^ (Connection.Pulled | Connection.PushPending | Connection.InQueue);
                interpreter.Enqueue(c);
            }
            return;
        }
        PushSlow(c, s, element);
    }

    private void PushSlow<T>(Connection<T> c, int s, T element)
    {
        if ((s & Connection.InClosed) != 0) return; // downstream cancelled; the element is dropped
        if ((s & Connection.OutClosed) != 0) throw new InvalidOperationException($"Cannot push closed port [{c.OutPort}] of stage [{this}]");
        if ((s & (Connection.Pulled | Connection.PullPending)) != Connection.Pulled)
        {
            throw new InvalidOperationException($"Cannot push port [{c.OutPort}] of stage [{this}]: it was not pulled (push twice, or before demand)");
        }
        c.Element = element;
        c.State = s ^ (Connection.Pulled | Connection.PushPending);
        Interpreter.Schedule(c);
    }

    /// <summary>Completes <paramref name="outlet"/>: downstream is told after any element already pushed.</summary>
    protected internal void Complete(Outlet outlet)
    {
        var c = OutConns[IdOf(outlet)];
        if (DeferCompletion(outlet)) return;
        var s = c.State;
        if ((s & (Connection.OutClosed | Connection.InClosedSeen)) != 0) return;
        c.State = s | Connection.OutClosed;
        OnPortClosed();
        if ((s & Connection.InClosed) == 0) Interpreter.Schedule(c);
    }

    /// <summary>Fails <paramref name="outlet"/> with <paramref name="e"/>.</summary>
    protected internal void Fail(Outlet outlet, Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var c = OutConns[IdOf(outlet)];
        var s = c.State;
        if ((s & (Connection.OutClosed | Connection.InClosedSeen)) != 0) return;
        c.State = s | Connection.OutClosed;
        c.Failure = e;
        OnPortClosed();
        if ((s & Connection.InClosed) == 0) Interpreter.Schedule(c);
    }

    /// <summary>Cancels <paramref name="inlet"/>: upstream is told no more elements are wanted.</summary>
    protected internal void Cancel(Inlet inlet) => Cancel(inlet, SubscriptionWithCancelException.NonFailureCancellation);

    /// <summary>Cancels <paramref name="inlet"/> because of <paramref name="cause"/>.</summary>
    protected internal void Cancel(Inlet inlet, Exception cause)
    {
        var c = InConns[IdOf(inlet)];
        var s = c.State;
        if ((s & (Connection.InClosed | Connection.OutClosedSeen)) != 0) return;
        c.State = (s | Connection.InClosed) & ~Connection.Available;
        if (cause is not SubscriptionWithCancelException) c.CancelCause = cause;
        c.ClearElement();
        OnPortClosed();
        if ((s & Connection.OutClosed) == 0) Interpreter.Schedule(c);
    }

    /// <summary>True when an element has arrived on <paramref name="inlet"/> and has not been grabbed.</summary>
    protected bool IsAvailable(Inlet inlet) => (InConns[inlet.Id].State & Connection.Available) != 0;

    /// <summary>True when <paramref name="outlet"/> has been pulled and may be pushed.</summary>
    protected bool IsAvailable(Outlet outlet) =>
        (OutConns[outlet.Id].State & (Connection.Pulled | Connection.PullPending | Connection.OutClosed | Connection.InClosed | Connection.InClosedSeen)) == Connection.Pulled;

    /// <summary>True when <paramref name="inlet"/> was pulled and its element has not arrived yet.</summary>
    protected bool HasBeenPulled(Inlet inlet) =>
        (InConns[inlet.Id].State & (Connection.Pulled | Connection.PushPending)) != 0 && !IsClosed(inlet);

    /// <summary>True once the inlet is cancelled or upstream's completion has been delivered.</summary>
    protected bool IsClosed(Inlet inlet) => (InConns[inlet.Id].State & (Connection.InClosed | Connection.OutClosedSeen)) != 0;

    /// <summary>True once the outlet is completed or downstream's cancellation has been delivered.</summary>
    protected bool IsClosed(Outlet outlet) => (OutConns[outlet.Id].State & (Connection.OutClosed | Connection.InClosedSeen)) != 0;

    private int IdOf(Inlet inlet)
    {
        ArgumentNullException.ThrowIfNull(inlet);
        var id = inlet.Id;
        if ((uint)id >= (uint)InPorts.Length || !ReferenceEquals(InPorts[id], inlet)) throw new ArgumentException($"{inlet} is not an inlet of stage [{this}]", nameof(inlet));
        return id;
    }

    private int IdOf(Outlet outlet)
    {
        ArgumentNullException.ThrowIfNull(outlet);
        var id = outlet.Id;
        if ((uint)id >= (uint)OutPorts.Length || !ReferenceEquals(OutPorts[id], outlet)) throw new ArgumentException($"{outlet} is not an outlet of stage [{this}]", nameof(outlet));
        return id;
    }
}
