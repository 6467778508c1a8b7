using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>Passes the first <c>n</c> elements, then completes and cancels upstream (Akka's <c>Take</c>).</summary>
internal sealed class Take<T>(long n) : GraphStage<FlowShape<T, T>>
{
    public long N { get; } = n;

    public Inlet<T> In { get; } = new("Take.in");

    public Outlet<T> Out { get; } = new("Take.out");

    public override FlowShape<T, T> Shape => new(In, Out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly Take<T> _stage;
        private long _left;

        public Logic(Take<T> stage) : base(stage.Shape)
        {
            _stage = stage;
            _left = stage.N;
            SetHandlers(stage.In, stage.Out, this);
            Trusted = true;
        }

        public override void PreStart()
        {
            if (_left <= 0) CompleteStage();
        }

        public override void OnPush()
        {
            _left--;
            Push(_stage.Out, Grab(_stage.In));
            if (_left == 0) CompleteStage();
        }

        public override void OnPull() => Pull(_stage.In);
    }
}
