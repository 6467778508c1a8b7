using Serenity.Actors;
using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>Emits the zero, then each running result of the fold (Akka's <c>Scan</c>); supervised (restart resets to zero).</summary>
internal sealed class Scan<TIn, TOut>(TOut zero, Func<TOut, TIn, TOut> aggregate) : GraphStage<FlowShape<TIn, TOut>>
{
    public TOut Zero { get; } = zero;

    public Func<TOut, TIn, TOut> Aggregate { get; } = aggregate ?? throw new ArgumentNullException(nameof(aggregate));

    public Inlet<TIn> In { get; } = new("Scan.in");

    public Outlet<TOut> Out { get; } = new("Scan.out");

    public override FlowShape<TIn, TOut> Shape => new(In, Out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this, inheritedAttributes.GetDecider());

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly Scan<TIn, TOut> _stage;
        private readonly Decider _decider;
        private TOut _acc;
        private bool _zeroEmitted;

        public Logic(Scan<TIn, TOut> stage, Decider decider) : base(stage.Shape)
        {
            _stage = stage;
            _decider = decider;
            _acc = stage.Zero;
            SetHandlers(stage.In, stage.Out, this);
            Trusted = true;
        }

        public override void OnPull()
        {
            if (_zeroEmitted)
            {
                Pull(_stage.In);
                return;
            }
            _zeroEmitted = true;
            Push(_stage.Out, _acc);
        }

        public override void OnPush()
        {
            var element = Grab(_stage.In);
            try
            {
                _acc = _stage.Aggregate(_acc, element);
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
                Pull(_stage.In);
                return;
            }
            Push(_stage.Out, _acc);
        }

        public override void OnUpstreamFinish()
        {
            if (_zeroEmitted) CompleteStage();
            else
            {
                _zeroEmitted = true;
                Emit(_stage.Out, _acc, CompleteStage);
            }
        }
    }
}
