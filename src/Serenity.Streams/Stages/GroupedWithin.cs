using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>
/// Chunks elements into lists of at most <c>n</c>, closing a chunk when it is full or when the time
/// window ends, whichever comes first (Akka's <c>GroupedWithin</c>). Windows are timed on the system's
/// scheduler; an empty window emits nothing. A closed chunk waits for demand, still filling up to
/// <c>n</c>; upstream is backpressured only once it is full.
/// </summary>
internal sealed class GroupedWithin<T> : GraphStage<FlowShape<T, IReadOnlyList<T>>>
{
    public GroupedWithin(int n, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        if (window <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(window), window, "the window must be positive");
        N = n;
        Window = window;
    }

    public int N { get; }

    public TimeSpan Window { get; }

    public Inlet<T> In { get; } = new("GroupedWithin.in");

    public Outlet<IReadOnlyList<T>> Out { get; } = new("GroupedWithin.out");

    public override FlowShape<T, IReadOnlyList<T>> Shape => new(In, Out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : TimerGraphStageLogic, IInHandler, IOutHandler
    {
        private const string WindowTimer = "window";
        private readonly GroupedWithin<T> _stage;
        private List<T> _group = [];
        private bool _closed;
        private bool _finished;

        public Logic(GroupedWithin<T> stage) : base(stage.Shape)
        {
            _stage = stage;
            SetHandler(stage.In, (IInHandler)this);
            SetHandler(stage.Out, (IOutHandler)this);
        }

        public override void PreStart()
        {
            ScheduleOnce(WindowTimer, _stage.Window);
            Pull(_stage.In);
        }

        public void OnPush()
        {
            _group.Add(Grab(_stage.In));
            if (_group.Count >= _stage.N) _closed = true;
            TryEmit();
            if (_group.Count < _stage.N && !HasBeenPulled(_stage.In) && !IsClosed(_stage.In)) Pull(_stage.In);
        }

        public void OnUpstreamFinish()
        {
            _finished = true;
            if (_group.Count == 0) CompleteStage();
            else
            {
                _closed = true;
                TryEmit();
            }
        }

        public void OnPull() => TryEmit();

        protected override void OnTimer(object timerKey)
        {
            if (_group.Count == 0)
            {
                ScheduleOnce(WindowTimer, _stage.Window);
                return;
            }
            _closed = true;
            TryEmit();
        }

        private void TryEmit()
        {
            if (!_closed || !IsAvailable(_stage.Out)) return;
            var group = _group;
            _group = [];
            _closed = false;
            Push(_stage.Out, group);
            if (_finished)
            {
                CompleteStage();
                return;
            }
            ScheduleOnce(WindowTimer, _stage.Window);
            if (!HasBeenPulled(_stage.In) && !IsClosed(_stage.In)) Pull(_stage.In);
        }
    }
}
