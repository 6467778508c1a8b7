using Serenity.Actors;
using Serenity.Streams.Implementation;
using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>
/// Runs an async function on up to <c>parallelism</c> elements at once and emits the results in
/// upstream order (<c>SelectAsync</c>) or as they complete (<c>SelectAsyncUnordered</c>). A task that
/// completes with null is skipped. A failed task or a throwing function fails the stage with the
/// original exception, unless supervision says resume (skip the element).
/// </summary>
internal sealed class SelectAsync<TIn, TOut> : GraphStage<FlowShape<TIn, TOut>>
{
    public SelectAsync(int parallelism, Func<TIn, Task<TOut>> func, bool ordered)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parallelism);
        Parallelism = parallelism;
        Func = func ?? throw new ArgumentNullException(nameof(func));
        Ordered = ordered;
    }

    public int Parallelism { get; }

    public Func<TIn, Task<TOut>> Func { get; }

    public bool Ordered { get; }

    public Inlet<TIn> In { get; } = new("SelectAsync.in");

    public Outlet<TOut> Out { get; } = new("SelectAsync.out");

    public override FlowShape<TIn, TOut> Shape => new(In, Out);

    protected override Attributes InitialAttributes => Attributes.CreateName(Ordered ? "SelectAsync" : "SelectAsyncUnordered");

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this, inheritedAttributes.GetDecider());

    /// <summary>One element in flight: its task, then its outcome.</summary>
    private sealed class Holder(Task<TOut> task)
    {
        public Task<TOut> Task { get; } = task;

        public bool Done { get; set; }
    }

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly SelectAsync<TIn, TOut> _stage;
        private readonly Decider _decider;
        private readonly RingBuffer<Holder> _inFlight; // in upstream order; only the ordered variant emits from it
        private readonly RingBuffer<TOut> _ready; // completed results, for the unordered variant
        private readonly Action<Holder> _completed;
        private int _running;

        public Logic(SelectAsync<TIn, TOut> stage, Decider decider) : base(stage.Shape)
        {
            _stage = stage;
            _decider = decider;
            _inFlight = new RingBuffer<Holder>(stage.Parallelism);
            _ready = new RingBuffer<TOut>(stage.Parallelism);
            _completed = GetAsyncCallback<Holder>(OnCompleted);
            SetHandlers(stage.In, stage.Out, this);
            Trusted = true;
        }

        public override void PreStart() => Pull(_stage.In);

        public override void OnPush()
        {
            var element = Grab(_stage.In);
            Task<TOut> task;
            try
            {
                task = _stage.Func(element) ?? throw new InvalidOperationException("SelectAsync function returned a null task");
            }
            catch (Exception e)
            {
                if (SupervisionDirective.Decide(_decider, e) == Directive.Stop) FailStage(e);
                else PullIfRoom();
                return;
            }
            var holder = new Holder(task);
            _running++;
            if (_stage.Ordered) _inFlight.Enqueue(holder);
            if (task.IsCompleted) OnCompleted(holder);
            else
            {
                task.ContinueWith(
                    static (_, state) =>
                    {
                        var (callback, h) = ((Action<Holder>, Holder))state!;
                        callback(h);
                    },
                    (_completed, holder),
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
            PullIfRoom();
        }

        public override void OnPull() => Drain();

        public override void OnUpstreamFinish()
        {
            if (_running == 0 && _ready.IsEmpty && _inFlight.IsEmpty) CompleteStage();
        }

        private void OnCompleted(Holder holder)
        {
            holder.Done = true;
            _running--;
            if (holder.Task.Status != TaskStatus.RanToCompletion)
            {
                var cause = holder.Task.Exception?.InnerException ?? new TaskCanceledException(holder.Task);
                if (SupervisionDirective.Decide(_decider, cause) == Directive.Stop)
                {
                    FailStage(cause);
                    return;
                }
            }
            else if (!_stage.Ordered && holder.Task.Result is { } result)
            {
                _ready.Enqueue(result);
            }
            Drain();
        }

        private void Drain()
        {
            if (_stage.Ordered)
            {
                while (!_inFlight.IsEmpty && _inFlight.Peek().Done && IsAvailable(_stage.Out))
                {
                    var task = _inFlight.Dequeue().Task;
                    if (task.Status == TaskStatus.RanToCompletion && task.Result is { } result) Push(_stage.Out, result);
                }
            }
            else if (!_ready.IsEmpty && IsAvailable(_stage.Out))
            {
                Push(_stage.Out, _ready.Dequeue());
            }
            if (IsClosed(_stage.In) && _running == 0 && _ready.IsEmpty && _inFlight.IsEmpty) CompleteStage();
            else PullIfRoom();
        }

        private void PullIfRoom()
        {
            var occupied = _stage.Ordered ? _inFlight.Count : _running + _ready.Count;
            if (occupied < _stage.Parallelism && !HasBeenPulled(_stage.In) && !IsClosed(_stage.In)) Pull(_stage.In);
        }
    }
}
