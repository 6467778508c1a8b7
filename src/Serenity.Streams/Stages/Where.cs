using Serenity.Actors;
using Serenity.Streams.Implementation.Fusing;
using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>Passes the elements that satisfy a predicate (Akka's <c>Where</c>/<c>filter</c>); supervised.</summary>
internal sealed class Where<T>(Predicate<T> predicate) : GraphStage<FlowShape<T, T>>
{
    private readonly Predicate<T> _predicate = predicate ?? throw new ArgumentNullException(nameof(predicate));

    public Inlet<T> In { get; } = new("Where.in");

    public Outlet<T> Out { get; } = new("Where.out");

    public override FlowShape<T, T> Shape => new(In, Out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this, inheritedAttributes.GetDecider());

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly Inlet<T> _in;
        private readonly Outlet<T> _out;
        private readonly Predicate<T> _predicate;
        private readonly Decider _decider;

        public Logic(Where<T> stage, Decider decider) : base(stage.Shape)
        {
            _in = stage.In;
            _out = stage.Out;
            _predicate = stage._predicate;
            _decider = decider;
            SetHandlers(_in, _out, this);
            Trusted = true;
            ReentrantPull = true; // OnPush ends with its Push; OnPull only pulls
        }

        public override void OnPush()
        {
            var element = Grab(_in);
            bool pass;
            try
            {
                pass = _predicate(element);
            }
            catch (Exception e)
            {
                if (SupervisionDirective.Decide(_decider, e) == Directive.Stop) FailStage(e);
                else Pull(_in);
                return;
            }
            if (pass) Push(_out, element);
            else Pull(_in);
        }

        public override void OnPull() => Pull(_in);

        // Sealed class: these calls bind statically and inline (one virtual call per hop instead of two).
        internal override void HandlePush(Connection c)
        {
            if (ReferenceEquals(c.InHandler, this)) OnPush();
            else c.InHandler.OnPush();
        }

        internal override void HandlePull(Connection c)
        {
            if (ReferenceEquals(c.OutHandler, this)) OnPull();
            else c.OutHandler.OnPull();
        }
    }
}
