using Serenity.Streams.Dsl;
using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>
/// Turns each element into a source and emits the elements of up to <c>breadth</c> of those sources at
/// once, interleaved in arrival order (Akka's <c>MergeMany</c>/<c>flatMapMerge</c>). The sources are
/// materialized into this stage's own interpreter. Completes when upstream and every source have.
/// </summary>
internal sealed class MergeMany<TIn, TOut, TMat> : GraphStage<FlowShape<TIn, TOut>>
{
    public MergeMany(int breadth, Func<TIn, IGraph<SourceShape<TOut>, TMat>> flatten)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(breadth);
        Breadth = breadth;
        Flatten = flatten ?? throw new ArgumentNullException(nameof(flatten));
    }

    public int Breadth { get; }

    public Func<TIn, IGraph<SourceShape<TOut>, TMat>> Flatten { get; }

    public Inlet<TIn> In { get; } = new("MergeMany.in");

    public Outlet<TOut> Out { get; } = new("MergeMany.out");

    public override FlowShape<TIn, TOut> Shape => new(In, Out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly MergeMany<TIn, TOut, TMat> _stage;
        private readonly HashSet<SubSinkInlet<TOut>> _active = [];
        private readonly Queue<SubSinkInlet<TOut>> _ready = new();

        public Logic(MergeMany<TIn, TOut, TMat> stage) : base(stage.Shape)
        {
            _stage = stage;
            SetHandlers(stage.In, stage.Out, this);
        }

        public override void PreStart() => Pull(_stage.In);

        public override void OnPush()
        {
            var source = _stage.Flatten(Grab(_stage.In));
            var inlet = CreateSubSinkInlet<TOut>("MergeMany.sub");
            inlet.SetHandler(new SubHandler(this, inlet));
            _active.Add(inlet);
            inlet.Pull();
            Source.FromGraph(source).RunWith(inlet.Sink, SubFusingMaterializer);
            if (_active.Count < _stage.Breadth) Pull(_stage.In);
        }

        public override void OnPull()
        {
            if (!_ready.TryDequeue(out var inlet)) return;
            Push(_stage.Out, inlet.Grab());
            if (inlet.IsClosed) Remove(inlet);
            else inlet.Pull();
        }

        public override void OnUpstreamFinish()
        {
            if (_active.Count == 0) CompleteStage();
        }

        public override void OnDownstreamFinish(Exception cause)
        {
            foreach (var inlet in _active) inlet.Cancel(cause);
            CancelStage(cause);
        }

        private void OnSubPush(SubSinkInlet<TOut> inlet)
        {
            if (_ready.Count == 0 && IsAvailable(_stage.Out))
            {
                Push(_stage.Out, inlet.Grab());
                inlet.Pull();
            }
            else
            {
                _ready.Enqueue(inlet);
            }
        }

        private void Remove(SubSinkInlet<TOut> inlet)
        {
            _active.Remove(inlet);
            if (IsClosed(_stage.In))
            {
                if (_active.Count == 0) CompleteStage();
            }
            else if (!HasBeenPulled(_stage.In) && _active.Count < _stage.Breadth)
            {
                Pull(_stage.In);
            }
        }

        private sealed class SubHandler(Logic logic, SubSinkInlet<TOut> inlet) : IInHandler
        {
            public void OnPush() => logic.OnSubPush(inlet);

            public void OnUpstreamFinish()
            {
                // An element still waiting in the queue keeps its substream until it is taken.
                if (!inlet.IsAvailable) logic.Remove(inlet);
            }

            public void OnUpstreamFailure(Exception e) => logic.FailStage(e);
        }
    }
}
