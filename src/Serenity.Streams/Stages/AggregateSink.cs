using Serenity.Actors;
using Serenity.Streams.Implementation.Fusing;
using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>Folds every element into an accumulator; the task completes with it (<c>Sink.Aggregate</c>); supervised.</summary>
internal sealed class AggregateSink<TIn, TAcc>(TAcc zero, Func<TAcc, TIn, TAcc> aggregate) : GraphStageWithMaterializedValue<SinkShape<TIn>, Task<TAcc>>
{
    private readonly Func<TAcc, TIn, TAcc> _aggregate = aggregate ?? throw new ArgumentNullException(nameof(aggregate));

    public TAcc Zero { get; } = zero;

    public Inlet<TIn> In { get; } = new("AggregateSink.in");

    public override SinkShape<TIn> Shape => new(In);

    public override LogicAndMaterializedValue<Task<TAcc>> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var logic = new Logic(this, inheritedAttributes.GetDecider());
        return new(logic, logic.Promise.Task);
    }

    private sealed class Logic(AggregateSink<TIn, TAcc> stage, Decider decider) : SinkLogic<TIn, TAcc>(stage.Shape)
    {
        private readonly Func<TAcc, TIn, TAcc> _aggregate = stage._aggregate;
        private TAcc _acc = stage.Zero;

        public override void OnPush()
        {
            var element = GrabFrom(InConn);
            try
            {
                _acc = _aggregate(_acc, element);
            }
            catch (Exception e)
            {
                switch (SupervisionDirective.Decide(decider, e))
                {
                    case Directive.Stop:
                        Promise.TrySetException(e);
                        FailStage(e);
                        return;
                    case Directive.Restart:
                        _acc = stage.Zero;
                        break;
                }
            }
            PullFrom(InConn);
        }

        public override void OnUpstreamFinish() => Succeed(_acc);

        // Sealed class: OnPush binds statically and inlines (one virtual call per element instead of two).
        internal override void HandlePush(Connection c)
        {
            if (ReferenceEquals(c.InHandler, this)) OnPush();
            else c.InHandler.OnPush();
        }
    }
}
