using Serenity.MarketData.Alpaca.Parsing;
using Serenity.Streams;
using Serenity.Streams.Stage;

namespace Serenity.MarketData.Graph;

/// <summary>
/// The parse step as a flow: raw Alpaca frames in, their messages out one by one. Bad frames and messages
/// are counted (the materialized counters), never failed.
/// </summary>
internal sealed class ParseFrames : GraphStageWithMaterializedValue<FlowShape<ReadOnlyMemory<byte>, MarketDataMessage>, ParseErrorCounters>
{
    public Inlet<ReadOnlyMemory<byte>> In { get; } = new("ParseFrames.in");

    public Outlet<MarketDataMessage> Out { get; } = new("ParseFrames.out");

    public override FlowShape<ReadOnlyMemory<byte>, MarketDataMessage> Shape => new(In, Out);

    public override LogicAndMaterializedValue<ParseErrorCounters> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var parser = new AlpacaMessageParser();
        return new(new Logic(this, parser), parser.Errors);
    }

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly ParseFrames _stage;
        private readonly AlpacaMessageParser _parser;
        private readonly List<MarketDataMessage> _batch = new(256);
        private int _next;

        public Logic(ParseFrames stage, AlpacaMessageParser parser) : base(stage.Shape)
        {
            _stage = stage;
            _parser = parser;
            SetHandlers(stage.In, stage.Out, this);
        }

        public override void OnPush()
        {
            _batch.Clear();
            _next = 0;
            _parser.Parse(Grab(_stage.In).Span, _batch);
            if (_batch.Count == 0) Pull(_stage.In);
            else Push(_stage.Out, _batch[_next++]);
        }

        public override void OnPull()
        {
            if (_next < _batch.Count) Push(_stage.Out, _batch[_next++]);
            else if (IsClosed(_stage.In)) CompleteStage();
            else Pull(_stage.In);
        }

        public override void OnUpstreamFinish()
        {
            if (_next >= _batch.Count) CompleteStage();
        }
    }
}
