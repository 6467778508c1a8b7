using Serenity.Streams.Stage;

namespace Serenity.Streams.Dsl;

/// <summary>
/// Fan-out: emits each element to every output, once all of them have asked for one (so the slowest
/// output sets the pace). A cancelled output is left out; the stage cancels when all have cancelled,
/// or at the first cancellation with <c>eagerCancel</c>.
/// </summary>
public sealed class Broadcast<T> : GraphStage<UniformFanOutShape<T, T>>
{
    /// <summary>Creates a broadcast to <paramref name="outputPorts"/> outputs.</summary>
    public Broadcast(int outputPorts, bool eagerCancel = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outputPorts, 1);
        OutputPorts = outputPorts;
        EagerCancel = eagerCancel;
        Shape = new UniformFanOutShape<T, T>(new Inlet<T>("Broadcast.in"), [.. Enumerable.Range(0, outputPorts).Select(i => new Outlet<T>("Broadcast.out" + i))]);
    }

    /// <summary>Number of outputs.</summary>
    public int OutputPorts { get; }

    /// <summary>Whether the first cancelled output cancels the stage.</summary>
    public bool EagerCancel { get; }

    /// <inheritdoc />
    public override UniformFanOutShape<T, T> Shape { get; }

    /// <inheritdoc />
    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : GraphStageLogic
    {
        private readonly Broadcast<T> _stage;
        private readonly bool[] _waiting; // output has not pulled since the last element
        private readonly bool[] _cancelled;
        private int _waitingCount;
        private int _running;

        public Logic(Broadcast<T> stage) : base(stage.Shape)
        {
            _stage = stage;
            _waiting = [.. Enumerable.Repeat(true, stage.OutputPorts)];
            _cancelled = new bool[stage.OutputPorts];
            _waitingCount = stage.OutputPorts;
            _running = stage.OutputPorts;
            var shape = stage.Shape;
            SetHandler(shape.In, onPush: OnPush);
            for (var i = 0; i < stage.OutputPorts; i++)
            {
                var index = i;
                SetHandler(shape.Out(i), onPull: () => OnPull(index), onDownstreamFinish: cause => OnCancel(index, cause));
            }
        }

        private void OnPush()
        {
            var element = Grab(_stage.Shape.In);
            _waitingCount = _running;
            for (var i = 0; i < _waiting.Length; i++)
            {
                if (!_cancelled[i]) _waiting[i] = true;
            }
            for (var i = 0; i < _waiting.Length; i++)
            {
                if (!_cancelled[i]) Push(_stage.Shape.Out(i), element);
            }
        }

        private void OnPull(int index)
        {
            if (!_waiting[index]) return;
            _waiting[index] = false;
            _waitingCount--;
            TryPull();
        }

        private void OnCancel(int index, Exception cause)
        {
            if (_stage.EagerCancel)
            {
                CancelStage(cause);
                return;
            }
            _cancelled[index] = true;
            _running--;
            if (_running == 0)
            {
                CancelStage(cause);
                return;
            }
            if (_waiting[index])
            {
                _waiting[index] = false;
                _waitingCount--;
                TryPull();
            }
        }

        private void TryPull()
        {
            var inlet = _stage.Shape.In;
            if (_waitingCount == 0 && !HasBeenPulled(inlet) && !IsClosed(inlet)) Pull(inlet);
        }
    }
}
