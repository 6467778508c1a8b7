using System.Runtime.CompilerServices;
using Serenity.Streams.Stage;

namespace Serenity.Streams.Implementation.Fusing;

/// <summary>
/// The edge between an outlet and an inlet inside one interpreter: the demand/element protocol's state
/// as bit flags, the typed element slot (see <see cref="Connection{T}"/>) and both sides' handlers.
/// A connection sits in the interpreter's event queue at most once (<see cref="InQueue"/>); when it is
/// processed, the pending flags say which signal to deliver.
/// </summary>
internal abstract class Connection
{
    /// <summary>Downstream asked for an element it has not received yet.</summary>
    public const int Pulled = 1;

    /// <summary>onPull not yet delivered to upstream.</summary>
    public const int PullPending = 1 << 1;

    /// <summary>An element is on its way; onPush not yet delivered to downstream.</summary>
    public const int PushPending = 1 << 2;

    /// <summary>Downstream got onPush and has not grabbed the element.</summary>
    public const int Available = 1 << 3;

    /// <summary>Downstream cancelled.</summary>
    public const int InClosed = 1 << 4;

    /// <summary>Upstream completed or failed.</summary>
    public const int OutClosed = 1 << 5;

    /// <summary>Upstream has been told about the cancellation (its port is closed).</summary>
    public const int InClosedSeen = 1 << 6;

    /// <summary>Downstream has been told about the completion (its port is closed).</summary>
    public const int OutClosedSeen = 1 << 7;

    /// <summary>In the event queue (or chased).</summary>
    public const int InQueue = 1 << 8;

    public int State;
    public GraphStageLogic InLogic = null!;
    public GraphStageLogic OutLogic = null!;
    public IInHandler InHandler = null!;
    public IOutHandler OutHandler = null!;

    public Inlet InPort = null!;
    public Outlet OutPort = null!;

    /// <summary>Set with <see cref="OutClosed"/> when upstream failed.</summary>
    public Exception? Failure;

    /// <summary>Set with <see cref="InClosed"/> when downstream cancelled because of a failure.</summary>
    public Exception? CancelCause;

    public abstract void ClearElement();

    public void SetInHandler(IInHandler handler) => InHandler = handler;

    public void SetOutHandler(IOutHandler handler) => OutHandler = handler;

    /// <summary>True when a completion or cancellation still has to be delivered to the other side.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool HasPendingClose(int s) =>
        (s & (OutClosed | OutClosedSeen | InClosed)) == OutClosed || (s & (InClosed | InClosedSeen | OutClosed)) == InClosed;

    public override string ToString() => $"{OutLogic}.{OutPort} -> {InLogic}.{InPort} [state {State:X}]";
}

/// <summary>A connection carrying <typeparamref name="T"/>: elements are stored unboxed.</summary>
internal sealed class Connection<T> : Connection
{
    public T Element = default!;

    public override void ClearElement() => Element = default!;
}
