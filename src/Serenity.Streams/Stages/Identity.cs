using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>Passes elements through unchanged (what <c>Flow.Create</c> is when materialized on its own).</summary>
internal sealed class Identity<T> : GraphStage<FlowShape<T, T>>
{
    public Inlet<T> In { get; } = new("Identity.in");

    public Outlet<T> Out { get; } = new("Identity.out");

    public override FlowShape<T, T> Shape => new(In, Out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly Identity<T> _stage;

        public Logic(Identity<T> stage) : base(stage.Shape)
        {
            _stage = stage;
            SetHandlers(stage.In, stage.Out, this);
            Trusted = true;
            ReentrantPull = true; // OnPush ends with its Push; OnPull only pulls
        }

        public override void OnPush() => Push(_stage.Out, Grab(_stage.In));

        public override void OnPull() => Pull(_stage.In);
    }
}
