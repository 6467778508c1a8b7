using Serenity.Actors;
using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>
/// While downstream is slower, folds arriving elements into one summary (Akka's <c>ConflateWithSeed</c>);
/// never backpressures upstream. Supervised: resume drops the element, restart drops the summary too.
/// </summary>
internal sealed class Conflate<TIn, TSeed>(Func<TIn, TSeed> seed, Func<TSeed, TIn, TSeed> aggregate) : GraphStage<FlowShape<TIn, TSeed>>
{
    public Func<TIn, TSeed> Seed { get; } = seed ?? throw new ArgumentNullException(nameof(seed));

    public Func<TSeed, TIn, TSeed> Aggregate { get; } = aggregate ?? throw new ArgumentNullException(nameof(aggregate));

    public Inlet<TIn> In { get; } = new("Conflate.in");

    public Outlet<TSeed> Out { get; } = new("Conflate.out");

    public override FlowShape<TIn, TSeed> Shape => new(In, Out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this, inheritedAttributes.GetDecider());

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly Conflate<TIn, TSeed> _stage;
        private readonly Decider _decider;
        private TSeed _summary = default!;
        private bool _has;

        public Logic(Conflate<TIn, TSeed> stage, Decider decider) : base(stage.Shape)
        {
            _stage = stage;
            _decider = decider;
            SetHandlers(stage.In, stage.Out, this);
            Trusted = true;
        }

        public override void PreStart() => Pull(_stage.In);

        public override void OnPush()
        {
            var element = Grab(_stage.In);
            try
            {
                _summary = _has ? _stage.Aggregate(_summary, element) : _stage.Seed(element);
                _has = true;
            }
            catch (Exception e)
            {
                switch (SupervisionDirective.Decide(_decider, e))
                {
                    case Directive.Stop:
                        FailStage(e);
                        return;
                    case Directive.Restart:
                        _has = false;
                        _summary = default!;
                        break;
                }
            }
            if (_has && IsAvailable(_stage.Out)) Flush();
            Pull(_stage.In);
        }

        public override void OnPull()
        {
            if (_has) Flush();
            if (IsClosed(_stage.In)) CompleteStage();
        }

        public override void OnUpstreamFinish()
        {
            if (!_has) CompleteStage();
        }

        private void Flush()
        {
            var summary = _summary;
            _has = false;
            _summary = default!;
            Push(_stage.Out, summary);
        }
    }
}
