using Serenity.Streams;
using Serenity.Streams.Stage;

namespace Serenity.MarketData.Graph;

/// <summary>
/// Maps each element and passes the non-null results (Akka's <c>collect</c>): one stage where
/// Select + Where + Select would be three hops on the graph's hottest path.
/// </summary>
internal sealed class Collect<TIn, TOut>(Func<TIn, TOut?> map) : GraphStage<FlowShape<TIn, TOut>> where TOut : class
{
    public Inlet<TIn> In { get; } = new("Collect.in");

    public Outlet<TOut> Out { get; } = new("Collect.out");

    public override FlowShape<TIn, TOut> Shape => new(In, Out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this, map);

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly Inlet<TIn> _in;
        private readonly Outlet<TOut> _out;
        private readonly Func<TIn, TOut?> _map;

        public Logic(Collect<TIn, TOut> stage, Func<TIn, TOut?> map) : base(stage.Shape)
        {
            _in = stage.In;
            _out = stage.Out;
            _map = map;
            SetHandlers(_in, _out, this);
        }

        public override void OnPush()
        {
            if (_map(Grab(_in)) is { } result) Push(_out, result);
            else Pull(_in);
        }

        public override void OnPull() => Pull(_in);
    }
}
