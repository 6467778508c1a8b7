using Serenity.Actors;
using Serenity.Streams.Implementation;
using Serenity.Streams.Implementation.Fusing;

namespace Serenity.Streams.Stage;

/// <summary>
/// The running state and behaviour of one stage in one materialization. Handlers react to signals on
/// the ports (see <see cref="IInHandler"/> and <see cref="IOutHandler"/>) and use <c>Pull</c>, <c>Push</c>,
/// <c>Grab</c>, <c>Complete</c>, <c>Cancel</c>. All of a stage's code (handlers, PreStart, PostStop, async
/// callbacks, timers) runs on its interpreter, one piece at a time, so the logic needs no locks.
/// The stage stops once all its ports are closed (unless <see cref="SetKeepGoing"/>), then
/// <see cref="PostStop"/> runs.
/// </summary>
public abstract partial class GraphStageLogic
{
    internal readonly Inlet[] InPorts;
    internal readonly Outlet[] OutPorts;
    internal readonly Connection[] InConns;
    internal readonly Connection[] OutConns;
    internal readonly IInHandler?[] InHandlers;
    internal readonly IOutHandler?[] OutHandlers;
    internal GraphInterpreter Interpreter = null!;
    internal int PortsOpen;
    internal bool KeepGoing;
    internal bool IsStarted;
    internal bool IsStopped;

    /// <summary>
    /// One of this stage's handlers is on the stack, or PreStart has not run yet: signals to it must queue
    /// (so a stage never sees a signal before its PreStart).
    /// </summary>
    internal bool Running = true;

    /// <summary>
    /// A library stage whose OnPull may run nested inside its own OnPush: its OnPush makes Push its last
    /// port operation and its OnPull only pulls, so a pull arriving from downstream during that Push can
    /// be served at once. A linear chain of such stages then needs one queued signal per element, not two.
    /// </summary>
    internal bool ReentrantPull;

    /// <summary><see cref="ReentrantPull"/>, effective once PreStart has run.</summary>
    internal bool AcceptsNestedPull;

    /// <summary>A library stage whose handlers never throw (user code inside is caught): called without an exception frame.</summary>
    internal bool Trusted;
    internal int LiveIndex = -1;
    private string? _name;

    /// <summary>Creates the logic for a stage of the given shape (the shape's ports get their indices here).</summary>
    protected GraphStageLogic(Shape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        InPorts = [.. shape.Inlets];
        OutPorts = [.. shape.Outlets];
        for (var i = 0; i < InPorts.Length; i++) InPorts[i].Id = i;
        for (var i = 0; i < OutPorts.Length; i++) OutPorts[i].Id = i;
        InConns = new Connection[InPorts.Length];
        OutConns = new Connection[OutPorts.Length];
        InHandlers = new IInHandler?[InPorts.Length];
        OutHandlers = new IOutHandler?[OutPorts.Length];
        PortsOpen = InPorts.Length + OutPorts.Length;
    }

    /// <summary>The materializer that runs this stage.</summary>
    public IMaterializer Materializer => Interpreter.Materializer;

    /// <summary>
    /// Materializes graphs into this stage's own interpreter (substreams): their stages run on the same
    /// thread as this one, with no boundary in between.
    /// </summary>
    protected IMaterializer SubFusingMaterializer => new SubFusingMaterializer(Interpreter);

    /// <summary>The actor system's clock (virtual in tests).</summary>
    protected TimeProvider Clock => Interpreter.Materializer.System.Clock;

    /// <summary>A logger named after this stage.</summary>
    protected ILoggingAdapter Log => Interpreter.Materializer.Logger;

    /// <summary>The stage's attributes, its own and inherited.</summary>
    protected Attributes Attributes { get; private set; } = Attributes.None;

    internal void Bind(GraphInterpreter interpreter, Attributes attributes, string name)
    {
        Interpreter = interpreter;
        Attributes = attributes;
        _name = name;
    }

    /// <summary>Runs before any signal, on the interpreter: pull initial demand, start timers here.</summary>
    public virtual void PreStart()
    {
    }

    /// <summary>Runs once after the stage has stopped (every port closed): release resources here.</summary>
    public virtual void PostStop()
    {
    }

    /// <summary>Keeps the stage alive after its ports closed (it waits for a callback or timer); false lets it stop.</summary>
    protected void SetKeepGoing(bool enabled)
    {
        KeepGoing = enabled;
        if (!enabled) CheckFinished();
    }

    /// <summary>Cancels every inlet and completes every outlet: the stage stops.</summary>
    public void CompleteStage()
    {
        KeepGoing = false;
        foreach (var inlet in InPorts) Cancel(inlet);
        foreach (var outlet in OutPorts) Complete(outlet);
        CheckFinished();
    }

    /// <summary>Fails every outlet with <paramref name="e"/> and cancels every inlet: the stage stops.</summary>
    public void FailStage(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        KeepGoing = false;
        foreach (var inlet in InPorts) Cancel(inlet, e);
        foreach (var outlet in OutPorts) Fail(outlet, e);
        CheckFinished();
    }

    /// <summary>Cancels every inlet with <paramref name="cause"/> and completes every outlet: the stage stops.</summary>
    public void CancelStage(Exception cause)
    {
        KeepGoing = false;
        foreach (var inlet in InPorts) Cancel(inlet, cause);
        foreach (var outlet in OutPorts) Complete(outlet);
        CheckFinished();
    }

    internal void InvokePreStart() => PreStart();

    internal void OnPortClosed()
    {
        if (--PortsOpen == 0 && !KeepGoing) Interpreter.MarkForFinalize(this);
    }

    private void CheckFinished()
    {
        if (PortsOpen == 0 && !KeepGoing && !IsStopped) Interpreter.MarkForFinalize(this);
    }

    internal void InvokePostStop()
    {
        IsStopped = true;
        OnStopped();
        try
        {
            PostStop();
        }
        catch (Exception e)
        {
            Interpreter.Materializer.Logger.Error(e, $"PostStop of stage [{this}] failed: {e.Message}");
        }
    }

    /// <summary>Stopped from outside: every port is closed without signals, then PostStop runs.</summary>
    internal void Abort()
    {
        foreach (var c in InConns)
        {
            if (c is not null) c.State |= Connection.InClosed | Connection.InClosedSeen;
        }
        foreach (var c in OutConns)
        {
            if (c is not null) c.State |= Connection.OutClosed | Connection.OutClosedSeen;
        }
        PortsOpen = 0;
        KeepGoing = false;
        InvokePostStop();
    }

    /// <summary>Library hook run when the stage stops, before PostStop (timers, stage actor).</summary>
    private protected virtual void OnStopped()
    {
        _stageActor?.Stop();
        CleanUpSubstreams();
    }

    /// <inheritdoc />
    public override string ToString() => _name ?? GetType().Name;
}

/// <summary>Attribute helpers the materializer uses.</summary>
public abstract partial class GraphStageLogic
{
    /// <summary>The buffer an async boundary in front of this stage gets.</summary>
    internal int BoundaryBufferSize(int @default) =>
        Math.Max(1, Attributes.GetAttribute<Attributes.InputBuffer>()?.Max ?? @default);
}
