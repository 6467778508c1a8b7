using Serenity.Streams;
using Serenity.Streams.Stage;

namespace Serenity.MarketData.Graph;

/// <summary>
/// Cleans each message and sends it one way: quotes to <see cref="Quotes"/>, trades and trading status
/// changes to <see cref="Events"/>; anything else (and whatever the cleaner drops) goes nowhere. One
/// stage where clean → broadcast to three branches → a filter per branch cost about ten handler calls
/// per quote; here a quote costs one push. Holds at most one element while its outlet has not pulled.
/// </summary>
internal sealed class SplitQuotes(Func<MarketDataMessage, MarketDataMessage?> clean) : GraphStage<UniformFanOutShape<MarketDataMessage, MarketDataMessage>>
{
    private const int QuotesPort = 0;
    private const int EventsPort = 1;

    public override UniformFanOutShape<MarketDataMessage, MarketDataMessage> Shape { get; } =
        new(new Inlet<MarketDataMessage>("SplitQuotes.in"), new Outlet<MarketDataMessage>("SplitQuotes.quotes"), new Outlet<MarketDataMessage>("SplitQuotes.events"));

    /// <summary>Where quotes go (always a <see cref="Quote"/>).</summary>
    public Outlet<MarketDataMessage> Quotes => Shape.Out(QuotesPort);

    /// <summary>Where trades and trading status changes go.</summary>
    public Outlet<MarketDataMessage> Events => Shape.Out(EventsPort);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : GraphStageLogic, IInHandler
    {
        private readonly SplitQuotes _stage;
        private readonly Inlet<MarketDataMessage> _in;
        private MarketDataMessage? _pending; // routed, waiting for its outlet to pull
        private Outlet<MarketDataMessage>? _pendingOut;

        public Logic(SplitQuotes stage) : base(stage.Shape)
        {
            _stage = stage;
            _in = stage.Shape.In;
            SetHandler(_in, this);
            SetHandler(stage.Quotes, new OutletHandler(this, stage.Quotes));
            SetHandler(stage.Events, new OutletHandler(this, stage.Events));
        }

        public override void PreStart() => Pull(_in);

        public void OnPush()
        {
            var message = _stage.Clean(Grab(_in));
            var target = message switch
            {
                Quote => _stage.Quotes,
                Trade or TradingStatus => _stage.Events,
                _ => null,
            };
            if (target is null)
            {
                Pull(_in);
            }
            else if (IsAvailable(target))
            {
                Push(target, message!);
                Pull(_in);
            }
            else
            {
                _pending = message;
                _pendingOut = target;
            }
        }

        public void OnUpstreamFinish()
        {
            if (_pending is null) CompleteStage();
        }

        private void OnPull(Outlet<MarketDataMessage> outlet)
        {
            if (_pending is null || !ReferenceEquals(outlet, _pendingOut)) return;
            Push(outlet, _pending);
            _pending = null;
            _pendingOut = null;
            if (IsClosed(_in)) CompleteStage();
            else Pull(_in);
        }

        private sealed class OutletHandler(Logic logic, Outlet<MarketDataMessage> outlet) : IOutHandler
        {
            public void OnPull() => logic.OnPull(outlet);
        }
    }

    private Func<MarketDataMessage, MarketDataMessage?> Clean { get; } = clean;
}
