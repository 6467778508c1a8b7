using Serenity.MarketData.Alpaca.Parsing;
using Serenity.Streams;
using Serenity.Streams.Stage;

namespace Serenity.MarketData.Graph;

/// <summary>
/// The parse step as a flow: raw Alpaca frames in, each frame's messages out as one array (frames that hold no
/// message emit nothing). One element per frame is what lets parsing run on an island of its own: the boundary
/// is crossed once per frame, not once per quote. Bad frames and messages are counted (the materialized
/// counters), never failed.
/// </summary>
internal sealed class ParseFrames : GraphStageWithMaterializedValue<FlowShape<ReadOnlyMemory<byte>, MarketDataMessage[]>, ParseErrorCounters>
{
    public Inlet<ReadOnlyMemory<byte>> In { get; } = new("ParseFrames.in");

    public Outlet<MarketDataMessage[]> Out { get; } = new("ParseFrames.out");

    public override FlowShape<ReadOnlyMemory<byte>, MarketDataMessage[]> Shape => new(In, Out);

    public override LogicAndMaterializedValue<ParseErrorCounters> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var parser = new AlpacaMessageParser();
        return new(new Logic(this, parser), parser.Errors);
    }

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly ParseFrames _stage;
        private readonly AlpacaMessageParser _parser;
        private readonly List<MarketDataMessage> _batch = new(1024); // reused; each frame's messages leave as a fresh array

        public Logic(ParseFrames stage, AlpacaMessageParser parser) : base(stage.Shape)
        {
            _stage = stage;
            _parser = parser;
            SetHandlers(stage.In, stage.Out, this);
        }

        public override void OnPush()
        {
            _batch.Clear();
            _parser.Parse(Grab(_stage.In).Span, _batch);
            if (_batch.Count == 0) Pull(_stage.In);
            else Push(_stage.Out, [.. _batch]);
        }

        public override void OnPull() => Pull(_stage.In);
    }
}
