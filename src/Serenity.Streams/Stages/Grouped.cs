using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>Chunks elements into lists of <c>n</c>; the last list may be shorter (Akka's <c>Grouped</c>).</summary>
internal sealed class Grouped<T> : GraphStage<FlowShape<T, IReadOnlyList<T>>>
{
    public Grouped(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        N = n;
    }

    public int N { get; }

    public Inlet<T> In { get; } = new("Grouped.in");

    public Outlet<IReadOnlyList<T>> Out { get; } = new("Grouped.out");

    public override FlowShape<T, IReadOnlyList<T>> Shape => new(In, Out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly Grouped<T> _stage;
        private List<T> _group;

        public Logic(Grouped<T> stage) : base(stage.Shape)
        {
            _stage = stage;
            _group = new List<T>(stage.N);
            SetHandlers(stage.In, stage.Out, this);
            Trusted = true;
        }

        public override void OnPull() => Pull(_stage.In);

        public override void OnPush()
        {
            _group.Add(Grab(_stage.In));
            if (_group.Count < _stage.N)
            {
                Pull(_stage.In);
                return;
            }
            var full = _group;
            _group = new List<T>(_stage.N);
            Push(_stage.Out, full);
        }

        public override void OnUpstreamFinish()
        {
            if (_group.Count == 0) CompleteStage();
            else Emit(_stage.Out, _group, CompleteStage);
        }
    }
}
