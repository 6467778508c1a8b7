using Serenity.Streams.Stage;

namespace Serenity.Streams.Dsl;

/// <summary>Stops a running graph from outside.</summary>
public interface IKillSwitch
{
    /// <summary>Completes the stream downstream of the switch and cancels it upstream.</summary>
    void Shutdown();

    /// <summary>Fails the stream downstream of the switch with <paramref name="cause"/> and cancels it upstream.</summary>
    void Abort(Exception cause);
}

/// <summary>The kill switch of one materialization of <see cref="KillSwitches.Single{T}"/>.</summary>
public sealed class UniqueKillSwitch : IKillSwitch
{
    private readonly KillSwitchState _state = new();

    internal KillSwitchState State => _state;

    /// <inheritdoc />
    public void Shutdown() => _state.Trigger(null);

    /// <inheritdoc />
    public void Abort(Exception cause) => _state.Trigger(cause ?? throw new ArgumentNullException(nameof(cause)));
}

/// <summary>A kill switch for any number of streams: every flow it made (in any materialization) obeys it.</summary>
public sealed class SharedKillSwitch : IKillSwitch
{
    private readonly KillSwitchState _state = new();

    internal SharedKillSwitch(string name) => Name = name;

    /// <summary>The switch's name.</summary>
    public string Name { get; }

    /// <summary>A pass-through flow controlled by this switch.</summary>
    public Flow<T, T, SharedKillSwitch> Flow<T>() =>
        Dsl.Flow.FromGraph(new KillSwitchStage<T>(() => _state)).MapMaterializedValue(_ => this).Named("KillSwitch-" + Name);

    /// <inheritdoc />
    public void Shutdown() => _state.Trigger(null);

    /// <inheritdoc />
    public void Abort(Exception cause) => _state.Trigger(cause ?? throw new ArgumentNullException(nameof(cause)));

    /// <inheritdoc />
    public override string ToString() => $"SharedKillSwitch({Name})";
}

/// <summary>Factories of kill switches.</summary>
public static class KillSwitches
{
    /// <summary>A pass-through flow that materializes to its own kill switch.</summary>
    public static IGraph<FlowShape<T, T>, UniqueKillSwitch> Single<T>() => new UniqueKillSwitchStage<T>();

    /// <summary>A switch shared by every flow made with its <see cref="SharedKillSwitch.Flow{T}"/>.</summary>
    public static SharedKillSwitch Shared(string name) => new(name ?? throw new ArgumentNullException(nameof(name)));
}

/// <summary>The switch's state: triggered once (null cause: shutdown), then every registered stage is told.</summary>
internal sealed class KillSwitchState
{
    private readonly List<Action<Exception?>> _stages = [];
    private bool _triggered;
    private Exception? _cause;

    /// <summary>Registers a stage; if the switch was triggered already, the stage is told at once.</summary>
    public void Register(Action<Exception?> stage)
    {
        lock (_stages)
        {
            if (!_triggered)
            {
                _stages.Add(stage);
                return;
            }
        }
        stage(_cause);
    }

    public void Unregister(Action<Exception?> stage)
    {
        lock (_stages) _stages.Remove(stage);
    }

    public void Trigger(Exception? cause)
    {
        Action<Exception?>[] stages;
        lock (_stages)
        {
            if (_triggered) return;
            _triggered = true;
            _cause = cause;
            stages = [.. _stages];
            _stages.Clear();
        }
        foreach (var stage in stages) stage(cause);
    }
}

/// <summary>Passes elements through until its switch is triggered.</summary>
internal sealed class KillSwitchStage<T>(Func<KillSwitchState> state) : GraphStage<FlowShape<T, T>>
{
    public Inlet<T> In { get; } = new("KillSwitch.in");

    public Outlet<T> Out { get; } = new("KillSwitch.out");

    public override FlowShape<T, T> Shape => new(In, Out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new KillSwitchLogic<T>(Shape, state());
}

/// <summary>Materializes to a fresh <see cref="UniqueKillSwitch"/>.</summary>
internal sealed class UniqueKillSwitchStage<T> : GraphStageWithMaterializedValue<FlowShape<T, T>, UniqueKillSwitch>
{
    public Inlet<T> In { get; } = new("UniqueKillSwitch.in");

    public Outlet<T> Out { get; } = new("UniqueKillSwitch.out");

    public override FlowShape<T, T> Shape => new(In, Out);

    public override LogicAndMaterializedValue<UniqueKillSwitch> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var killSwitch = new UniqueKillSwitch();
        return new(new KillSwitchLogic<T>(Shape, killSwitch.State), killSwitch);
    }
}

internal sealed class KillSwitchLogic<T> : InAndOutGraphStageLogic
{
    private readonly FlowShape<T, T> _shape;
    private readonly KillSwitchState _state;
    private readonly Action<Exception?> _onTrigger;

    public KillSwitchLogic(FlowShape<T, T> shape, KillSwitchState state) : base(shape)
    {
        _shape = shape;
        _state = state;
        var callback = GetAsyncCallback<Exception?>(Kill);
        _onTrigger = cause => callback(cause);
        SetHandlers(shape.In, shape.Out, this);
        Trusted = true;
    }

    public override void PreStart() => _state.Register(_onTrigger);

    public override void PostStop() => _state.Unregister(_onTrigger);

    public override void OnPush() => Push(_shape.Out, Grab(_shape.In));

    public override void OnPull() => Pull(_shape.In);

    private void Kill(Exception? cause)
    {
        if (cause is null) CompleteStage();
        else FailStage(cause);
    }
}
