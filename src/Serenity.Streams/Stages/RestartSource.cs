using Serenity.Actors;
using Serenity.Streams.Dsl;
using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>
/// Runs the source the factory makes and, when it completes or fails (or only fails, with
/// <c>onlyOnFailures</c>), runs a new one after an exponential backoff on the system's scheduler. The
/// inner source runs in this stage's interpreter. Cancelling downstream cancels the inner source and
/// stops restarting. When the restarts are used up, the last outcome passes through.
/// </summary>
internal sealed class RestartSource<T, TMat>(Func<Source<T, TMat>> factory, RestartSettings settings, bool onlyOnFailures) : GraphStage<SourceShape<T>>
{
    public Func<Source<T, TMat>> Factory { get; } = factory ?? throw new ArgumentNullException(nameof(factory));

    public RestartSettings Settings { get; } = settings ?? throw new ArgumentNullException(nameof(settings));

    public bool OnlyOnFailures { get; } = onlyOnFailures;

    public Outlet<T> Out { get; } = new("RestartSource.out");

    public override SourceShape<T> Shape => new(Out);

    protected override Attributes InitialAttributes => Attributes.CreateName(OnlyOnFailures ? "RestartSourceOnFailures" : "RestartSource");

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : TimerGraphStageLogic, IOutHandler
    {
        private const string RestartTimer = "restart";
        private readonly RestartSource<T, TMat> _stage;
        private SubSinkInlet<T>? _inner;
        private long _startedAt;
        private int _restartCount;

        public Logic(RestartSource<T, TMat> stage) : base(stage.Shape)
        {
            _stage = stage;
            SetHandler(stage.Out, this);
        }

        public override void PreStart() => StartInner();

        public void OnPull()
        {
            if (_inner is { IsClosed: false, HasBeenPulled: false, IsAvailable: false } inner) inner.Pull();
        }

        public void OnDownstreamFinish(Exception cause)
        {
            _inner?.Cancel(cause);
            CompleteStage();
        }

        protected override void OnTimer(object timerKey) => StartInner();

        private void StartInner()
        {
            _startedAt = Clock.GetTimestamp();
            var inner = CreateSubSinkInlet<T>("RestartSource.inner");
            inner.SetHandler(new InnerHandler(this, inner));
            _inner = inner;
            try
            {
                _stage.Factory().RunWith(inner.Sink, SubFusingMaterializer);
            }
            catch (Exception e)
            {
                inner.Cancel(e);
                OnInnerEnded(e);
                return;
            }
            if (IsAvailable(_stage.Out)) inner.Pull();
        }

        private void OnInnerEnded(Exception? failure)
        {
            if (failure is null && _stage.OnlyOnFailures)
            {
                CompleteStage();
                return;
            }
            if (Clock.GetElapsedTime(_startedAt) >= _stage.Settings.MaxRestartsWithin) _restartCount = 0;
            if (_stage.Settings.MaxRestarts >= 0 && _restartCount >= _stage.Settings.MaxRestarts)
            {
                if (failure is null) CompleteStage();
                else FailStage(failure);
                return;
            }
            var delay = _stage.Settings.Backoff(_restartCount, Random.Shared.NextDouble());
            _restartCount++;
            Log.Debug($"Restarting the inner source of [{this}] in {delay.TotalMilliseconds:F0} ms{(failure is null ? " (it completed)" : $" (it failed: {failure.Message})")}");
            ScheduleOnce(RestartTimer, delay);
        }

        private sealed class InnerHandler(Logic logic, SubSinkInlet<T> inner) : IInHandler
        {
            public void OnPush()
            {
                logic.Push(logic._stage.Out, inner.Grab());
            }

            public void OnUpstreamFinish()
            {
                if (ReferenceEquals(logic._inner, inner)) logic.OnInnerEnded(null);
            }

            public void OnUpstreamFailure(Exception e)
            {
                if (ReferenceEquals(logic._inner, inner)) logic.OnInnerEnded(e);
            }
        }
    }
}
