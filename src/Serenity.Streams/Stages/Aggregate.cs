using Serenity.Actors;
using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>Folds every element; emits the result when upstream completes (Akka's <c>Aggregate</c>/<c>fold</c>); supervised.</summary>
internal sealed class Aggregate<TIn, TOut>(TOut zero, Func<TOut, TIn, TOut> aggregate) : GraphStage<FlowShape<TIn, TOut>>
{
    public TOut Zero { get; } = zero;

    public Func<TOut, TIn, TOut> Fold { get; } = aggregate ?? throw new ArgumentNullException(nameof(aggregate));

    public Inlet<TIn> In { get; } = new("Aggregate.in");

    public Outlet<TOut> Out { get; } = new("Aggregate.out");

    public override FlowShape<TIn, TOut> Shape => new(In, Out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this, inheritedAttributes.GetDecider());

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly Aggregate<TIn, TOut> _stage;
        private readonly Decider _decider;
        private TOut _acc;

        public Logic(Aggregate<TIn, TOut> stage, Decider decider) : base(stage.Shape)
        {
            _stage = stage;
            _decider = decider;
            _acc = stage.Zero;
            SetHandlers(stage.In, stage.Out, this);
            Trusted = true;
        }

        public override void OnPull() => Pull(_stage.In);

        public override void OnPush()
        {
            var element = Grab(_stage.In);
            try
            {
                _acc = _stage.Fold(_acc, element);
            }
            catch (Exception e)
            {
                switch (SupervisionDirective.Decide(_decider, e))
                {
                    case Directive.Stop:
                        FailStage(e);
                        return;
                    case Directive.Restart:
                        _acc = _stage.Zero;
                        break;
                }
            }
            Pull(_stage.In);
        }

        public override void OnUpstreamFinish() => Emit(_stage.Out, _acc, CompleteStage);
    }
}
