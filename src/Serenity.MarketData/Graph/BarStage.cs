using Serenity.MarketData.Bars;
using Serenity.Streams;
using Serenity.Streams.Stage;

namespace Serenity.MarketData.Graph;

/// <summary>What the bar step reports while it runs.</summary>
public interface IBarStats
{
    /// <summary>Trades too late for their window.</summary>
    long LateTradesDropped { get; }

    /// <summary>Late trades that updated an emitted bar.</summary>
    long LateTradesAccepted { get; }

    /// <summary>Bars emitted (minute and updated).</summary>
    long BarsEmitted { get; }
}

/// <summary>
/// The <see cref="MinuteBarAggregator"/> placed in the graph: trades in, bars out. A timer on the system
/// clock moves the watermark to "now − clock delay" so bars close when trading goes quiet; when the
/// stream completes every open window is flushed.
/// </summary>
internal sealed class BarStage(BarOptions options, TimeSpan tick, TimeSpan clockDelay, BarStatsProxy? proxy = null) : GraphStageWithMaterializedValue<FlowShape<MarketDataMessage, Bar>, IBarStats>
{
    public Inlet<MarketDataMessage> In { get; } = new("BarStage.in");

    public Outlet<Bar> Out { get; } = new("BarStage.out");

    public override FlowShape<MarketDataMessage, Bar> Shape => new(In, Out);

    public override LogicAndMaterializedValue<IBarStats> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var logic = new Logic(this);
        proxy?.Attach(logic);
        return new(logic, logic);
    }

    private sealed class Logic : TimerGraphStageLogic, IInHandler, IOutHandler, IBarStats
    {
        private const string TickTimer = "watermark";
        private readonly BarStage _stage;
        private readonly MinuteBarAggregator _aggregator;
        private readonly List<Bar> _produced = [];
        private readonly Queue<Bar> _pending = new();
        private long _emitted;

        public Logic(BarStage stage) : base(stage.Shape)
        {
            _stage = stage;
            _aggregator = new MinuteBarAggregator(stage.Options);
            SetHandler(stage.In, (IInHandler)this);
            SetHandler(stage.Out, (IOutHandler)this);
        }

        public long LateTradesDropped => _aggregator.LateTradesDropped;

        public long LateTradesAccepted => _aggregator.LateTradesAccepted;

        public long BarsEmitted => Volatile.Read(ref _emitted);

        public override void PreStart()
        {
            if (_stage.Tick > TimeSpan.Zero) ScheduleRepeatedly(TickTimer, _stage.Tick);
            Pull(_stage.In);
        }

        public void OnPush()
        {
            if (Grab(_stage.In) is Trade trade)
            {
                _aggregator.OnTrade(trade, _produced);
                Enqueue();
            }
            if (_pending.Count == 0) Pull(_stage.In);
        }

        public void OnUpstreamFinish()
        {
            _aggregator.AdvanceWatermark(DateTime.MaxValue.AddDays(-1), _produced);
            Enqueue();
            if (_pending.Count == 0) CompleteStage();
        }

        public void OnUpstreamFailure(Exception e) => FailStage(e);

        public void OnPull()
        {
            if (_pending.TryDequeue(out var bar))
            {
                Push(_stage.Out, bar);
                Interlocked.Increment(ref _emitted);
            }
            if (_pending.Count > 0) return;
            if (IsClosed(_stage.In)) CompleteStage();
            else if (!HasBeenPulled(_stage.In)) Pull(_stage.In);
        }

        public void OnDownstreamFinish(Exception cause) => CancelStage(cause);

        protected override void OnTimer(object timerKey)
        {
            _aggregator.AdvanceWatermark(Clock.GetUtcNow().UtcDateTime - _stage.ClockDelay, _produced);
            Enqueue();
        }

        private void Enqueue()
        {
            if (_produced.Count == 0) return;
            foreach (var bar in _produced) _pending.Enqueue(bar);
            _produced.Clear();
            if (IsAvailable(_stage.Out) && _pending.TryDequeue(out var first))
            {
                Push(_stage.Out, first);
                Interlocked.Increment(ref _emitted);
            }
        }
    }

    public BarOptions Options { get; } = options;

    public TimeSpan Tick { get; } = tick;

    public TimeSpan ClockDelay { get; } = clockDelay;
}

/// <summary>Stands in for a bar stage's statistics until the stage is materialized.</summary>
internal sealed class BarStatsProxy : IBarStats
{
    private volatile IBarStats? _target;

    public long LateTradesDropped => _target?.LateTradesDropped ?? 0;

    public long LateTradesAccepted => _target?.LateTradesAccepted ?? 0;

    public long BarsEmitted => _target?.BarsEmitted ?? 0;

    public void Attach(IBarStats target) => _target = target;
}
