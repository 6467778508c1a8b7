using Serenity.Streams.Stage;

namespace Serenity.Streams.Dsl;

/// <summary>
/// Fan-in: emits elements from whichever inputs have them, taking turns in arrival order. Completes
/// when all inputs have completed (or the first, with <c>eagerComplete</c>); fails at the first failure.
/// </summary>
public sealed class Merge<T> : GraphStage<UniformFanInShape<T, T>>
{
    /// <summary>Creates a merge of <paramref name="inputPorts"/> inputs.</summary>
    public Merge(int inputPorts, bool eagerComplete = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputPorts, 1);
        InputPorts = inputPorts;
        EagerComplete = eagerComplete;
        Shape = new UniformFanInShape<T, T>(new Outlet<T>("Merge.out"), [.. Enumerable.Range(0, inputPorts).Select(i => new Inlet<T>("Merge.in" + i))]);
    }

    /// <summary>Number of inputs.</summary>
    public int InputPorts { get; }

    /// <summary>Whether the first completed input completes the stage.</summary>
    public bool EagerComplete { get; }

    /// <inheritdoc />
    public override UniformFanInShape<T, T> Shape { get; }

    /// <inheritdoc />
    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : GraphStageLogic
    {
        private readonly Merge<T> _stage;
        private readonly Queue<int> _ready = new(); // inputs holding an element, oldest first
        private int _running;

        public Logic(Merge<T> stage) : base(stage.Shape)
        {
            _stage = stage;
            _running = stage.InputPorts;
            for (var i = 0; i < stage.InputPorts; i++)
            {
                var index = i;
                SetHandler(stage.Shape.In(i), onPush: () => OnPush(index), onUpstreamFinish: OnFinish);
            }
            SetHandler(stage.Shape.Out, onPull: OnPull);
        }

        public override void PreStart()
        {
            foreach (var inlet in _stage.Shape.Ins) Pull(inlet);
        }

        private void OnPush(int index)
        {
            if (IsAvailable(_stage.Shape.Out) && _ready.Count == 0) Forward(index);
            else _ready.Enqueue(index);
        }

        private void OnPull()
        {
            if (_ready.TryDequeue(out var index)) Forward(index);
            if (_running == 0 && _ready.Count == 0) CompleteStage();
        }

        private void OnFinish()
        {
            if (_stage.EagerComplete)
            {
                CompleteStage();
                return;
            }
            _running--;
            if (_running == 0 && _ready.Count == 0) CompleteStage();
        }

        private void Forward(int index)
        {
            var inlet = _stage.Shape.In(index);
            Push(_stage.Shape.Out, Grab(inlet));
            if (!IsClosed(inlet)) Pull(inlet);
        }
    }
}
