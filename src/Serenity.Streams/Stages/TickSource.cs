using Serenity.Actors;
using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>
/// <c>Source.Tick</c>: emits <c>tick</c> after <c>initialDelay</c> and then every <c>interval</c>, on the
/// system's scheduler. A tick that finds no demand is dropped. Cancelling the materialized value
/// completes the stream.
/// </summary>
internal sealed class TickSource<T> : GraphStageWithMaterializedValue<SourceShape<T>, ICancelable>
{
    public TickSource(TimeSpan initialDelay, TimeSpan interval, T tick)
    {
        if (initialDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(initialDelay), initialDelay, "the initial delay must not be negative");
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), interval, "the interval must be positive");
        InitialDelay = initialDelay;
        Interval = interval;
        Tick = tick;
    }

    public TimeSpan InitialDelay { get; }

    public TimeSpan Interval { get; }

    public T Tick { get; }

    public Outlet<T> Out { get; } = new("TickSource.out");

    public override SourceShape<T> Shape => new(Out);

    public override LogicAndMaterializedValue<ICancelable> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var logic = new Logic(this);
        return new(logic, logic.Cancellable);
    }

    private sealed class Logic : TimerGraphStageLogic, IOutHandler
    {
        private const string TickTimer = "tick";
        private readonly TickSource<T> _stage;

        public Logic(TickSource<T> stage) : base(stage.Shape)
        {
            _stage = stage;
            SetHandler(stage.Out, this);
            Cancellable = new TickCancellable(GetAsyncCallback(CompleteStage));
        }

        public TickCancellable Cancellable { get; }

        public override void PreStart() => ScheduleRepeatedly(TickTimer, _stage.InitialDelay, _stage.Interval);

        public void OnPull()
        {
        }

        protected override void OnTimer(object timerKey)
        {
            if (IsAvailable(_stage.Out)) Push(_stage.Out, _stage.Tick);
        }
    }

    /// <summary>Completes the tick stream when cancelled.</summary>
    internal sealed class TickCancellable(Action complete) : ICancelable
    {
        private int _cancelled;

        public bool IsCancellationRequested => Volatile.Read(ref _cancelled) == 1;

        public void Cancel()
        {
            if (Interlocked.Exchange(ref _cancelled, 1) == 0) complete();
        }
    }
}
