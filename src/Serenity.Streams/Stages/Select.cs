using Serenity.Actors;
using Serenity.Streams.Implementation.Fusing;
using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>Transforms each element with a function (Akka's <c>Select</c>/<c>map</c>); supervised.</summary>
internal sealed class Select<TIn, TOut>(Func<TIn, TOut> func) : GraphStage<FlowShape<TIn, TOut>>
{
    private readonly Func<TIn, TOut> _func = func ?? throw new ArgumentNullException(nameof(func));

    public Inlet<TIn> In { get; } = new("Select.in");

    public Outlet<TOut> Out { get; } = new("Select.out");

    public override FlowShape<TIn, TOut> Shape => new(In, Out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this, inheritedAttributes.GetDecider());

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly Inlet<TIn> _in;
        private readonly Outlet<TOut> _out;
        private readonly Func<TIn, TOut> _func;
        private readonly Decider _decider;
        private Connection<TIn> _inConn = null!;
        private Connection<TOut> _outConn = null!;

        public Logic(Select<TIn, TOut> stage, Decider decider) : base(stage.Shape)
        {
            _in = stage.In;
            _out = stage.Out;
            _func = stage._func;
            _decider = decider;
            SetHandlers(_in, _out, this);
            Trusted = true;
            ReentrantPull = true; // OnPush ends with its Push; OnPull only pulls
        }

        public override void PreStart()
        {
            _inConn = InConnection(_in);
            _outConn = OutConnection(_out);
        }

        public override void OnPush()
        {
            var element = GrabFrom(_inConn);
            TOut result;
            try
            {
                result = _func(element);
            }
            catch (Exception e)
            {
                if (SupervisionDirective.Decide(_decider, e) == Directive.Stop) FailStage(e);
                else PullFrom(_inConn);
                return;
            }
            PushTo(_outConn, result);
        }

        public override void OnPull() => PullFrom(_inConn);

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
