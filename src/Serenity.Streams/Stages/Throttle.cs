using Serenity.Streams.Implementation;
using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>
/// Limits the rate to <c>cost</c> units per <c>per</c> with Akka's token-bucket semantics: the bucket
/// holds <c>maximumBurst</c> tokens and is full at start; each element takes its cost in tokens. In
/// shaping mode an element without enough tokens waits until they have arrived; in enforcing mode it
/// fails the stream with <see cref="RateExceededException"/>. Time is the system's clock.
/// </summary>
internal sealed class Throttle<T> : GraphStage<FlowShape<T, T>>
{
    public Throttle(int cost, TimeSpan per, int maximumBurst, Func<T, int> costCalculation, ThrottleMode mode)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cost);
        if (per <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(per), per, "per must be positive");
        ArgumentOutOfRangeException.ThrowIfNegative(maximumBurst);
        if (mode == ThrottleMode.Enforcing && maximumBurst == 0) throw new ArgumentException("maximumBurst must be positive in enforcing mode", nameof(maximumBurst));
        Cost = cost;
        Per = per;
        MaximumBurst = maximumBurst;
        CostCalculation = costCalculation ?? throw new ArgumentNullException(nameof(costCalculation));
        Mode = mode;
    }

    public int Cost { get; }

    public TimeSpan Per { get; }

    public int MaximumBurst { get; }

    public Func<T, int> CostCalculation { get; }

    public ThrottleMode Mode { get; }

    public Inlet<T> In { get; } = new("Throttle.in");

    public Outlet<T> Out { get; } = new("Throttle.out");

    public override FlowShape<T, T> Shape => new(In, Out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : TimerGraphStageLogic, IInHandler, IOutHandler
    {
        private const string ReleaseTimer = "release";
        private readonly Throttle<T> _stage;
        private TokenBucket _bucket = null!;
        private T _held = default!;
        private bool _holding;
        private bool _finishing;

        public Logic(Throttle<T> stage) : base(stage.Shape)
        {
            _stage = stage;
            SetHandler(stage.In, (IInHandler)this);
            SetHandler(stage.Out, (IOutHandler)this);
        }

        public override void PreStart()
        {
            _bucket = new TokenBucket(_stage.MaximumBurst, _stage.Cost, Timestamps.ToTimestampUnits(Clock, _stage.Per));
            _bucket.Init(Clock.GetTimestamp());
        }

        public void OnPush()
        {
            var element = Grab(_stage.In);
            int cost;
            try
            {
                cost = _stage.CostCalculation(element);
            }
            catch (Exception e)
            {
                FailStage(e);
                return;
            }
            var wait = _bucket.Offer(cost, Clock.GetTimestamp());
            if (wait == 0)
            {
                Push(_stage.Out, element);
                return;
            }
            if (_stage.Mode == ThrottleMode.Enforcing)
            {
                FailStage(new RateExceededException("Maximum throttle throughput exceeded."));
                return;
            }
            _held = element;
            _holding = true;
            ScheduleOnce(ReleaseTimer, Timestamps.ToTimeSpan(Clock, wait));
        }

        public void OnPull()
        {
            if (!_holding) Pull(_stage.In);
        }

        public void OnUpstreamFinish()
        {
            if (_holding) _finishing = true;
            else CompleteStage();
        }

        protected override void OnTimer(object timerKey)
        {
            var element = _held;
            _held = default!;
            _holding = false;
            Push(_stage.Out, element);
            if (_finishing) CompleteStage();
        }
    }
}
