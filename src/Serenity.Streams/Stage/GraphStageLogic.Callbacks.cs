using Serenity.Streams.Implementation.Fusing;

namespace Serenity.Streams.Stage;

/// <summary>Async callbacks: how the outside world (tasks, other threads, other stages) reaches a stage.</summary>
public abstract partial class GraphStageLogic
{
    /// <summary>
    /// A thread-safe delegate that runs <paramref name="handler"/> on this stage's interpreter, in order with
    /// its other signals. Invocations after the stage has stopped are dropped. Create it in the constructor
    /// or PreStart; invoke it from anywhere.
    /// </summary>
    protected Action<T> GetAsyncCallback<T>(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return value => PostAsync(new AsyncEvent<T>(this, handler, value));
    }

    /// <summary>A thread-safe callback without argument (see <see cref="GetAsyncCallback{T}(Action{T})"/>).</summary>
    protected Action GetAsyncCallback(Action handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Action<NotUsed> wrapped = _ => handler();
        return () => PostAsync(new AsyncEvent<NotUsed>(this, wrapped, NotUsed.Instance));
    }

    internal void PostAsync(AsyncEvent e)
    {
        if (IsStopped)
        {
            e.OnDropped();
            return;
        }
        var interpreter = Interpreter ?? throw new InvalidOperationException($"Stage [{this}] is not materialized yet; its callbacks cannot run");
        interpreter.Shell.Post(e);
    }
}

/// <summary>The stage actor.</summary>
public abstract partial class GraphStageLogic
{
    private StageActor? _stageActor;

    /// <summary>
    /// This stage's actor (created on first call): messages sent to its <see cref="StageActor.Ref"/> run
    /// <paramref name="receive"/> on the interpreter. A later call replaces the receive function.
    /// </summary>
    protected StageActor GetStageActor(Action<(Actors.IActorRef Sender, object Message)> receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        // Usable while the logic is being created, so a stage can hand out its actor as materialized value.
        var materializer = Interpreter?.Materializer ?? Implementation.GraphMaterialization.Materializing
            ?? throw new InvalidOperationException("A stage actor can only be created during materialization or while the stage runs");
        if (_stageActor is null) _stageActor = new StageActor(this, materializer.System, receive);
        else _stageActor.Become(receive);
        return _stageActor;
    }
}

/// <summary>Substream ports.</summary>
public abstract partial class GraphStageLogic
{
    private List<ISubstreamPort>? _substreamPorts;
    private int _pruneAt = 16;

    /// <summary>Creates an inlet that reads from a substream (see <see cref="SubSinkInlet{T}"/>).</summary>
    protected SubSinkInlet<T> CreateSubSinkInlet<T>(string name) => Track(new SubSinkInlet<T>(this, name, GetAsyncCallback));

    /// <summary>Creates an outlet that feeds a substream (see <see cref="SubSourceOutlet{T}"/>).</summary>
    protected SubSourceOutlet<T> CreateSubSourceOutlet<T>(string name) => Track(new SubSourceOutlet<T>(this, name, GetAsyncCallback));

    private TPort Track<TPort>(TPort port) where TPort : ISubstreamPort
    {
        _substreamPorts ??= [];
        if (_substreamPorts.Count >= _pruneAt)
        {
            // Closed substreams need no cleanup; dropping them keeps a long-lived GroupBy's list small.
            _substreamPorts.RemoveAll(static p => p.IsClosed);
            _pruneAt = Math.Max(16, _substreamPorts.Count * 2);
        }
        _substreamPorts.Add(port);
        return port;
    }

    /// <summary>Substreams still open when their owner stops are cancelled (inlets) or failed (outlets).</summary>
    private void CleanUpSubstreams()
    {
        if (_substreamPorts is null) return;
        foreach (var port in _substreamPorts)
        {
            if (!port.IsClosed) port.Abort(new AbruptStageTerminationException($"Stage [{this}] that owned substream port [{port}] stopped"));
        }
        _substreamPorts = null;
    }
}

/// <summary>A substream port, as its owner sees it when it stops.</summary>
internal interface ISubstreamPort
{
    bool IsClosed { get; }

    void Abort(Exception cause);
}
