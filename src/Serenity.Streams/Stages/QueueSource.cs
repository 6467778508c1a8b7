using Serenity.Streams.Dsl;
using Serenity.Streams.Implementation;
using Serenity.Streams.Implementation.Fusing;
using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>
/// <c>Source.Queue</c>: elements offered from outside are buffered (up to <c>bufferSize</c>) and emitted on
/// demand; a full buffer applies the overflow strategy. Offers reach the stage as async events, so they
/// are thread-safe and ordered per caller; an offer that can no longer be served answers QueueClosed.
/// </summary>
internal sealed class QueueSource<T> : GraphStageWithMaterializedValue<SourceShape<T>, ISourceQueueWithComplete<T>>
{
    public QueueSource(int bufferSize, OverflowStrategy strategy)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bufferSize);
        BufferSize = bufferSize;
        Strategy = strategy;
    }

    public int BufferSize { get; }

    public OverflowStrategy Strategy { get; }

    public Outlet<T> Out { get; } = new("QueueSource.out");

    public override SourceShape<T> Shape => new(Out);

    public override LogicAndMaterializedValue<ISourceQueueWithComplete<T>> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var logic = new Logic(this);
        return new(logic, logic.Queue);
    }

    private sealed class Logic : OutGraphStageLogic
    {
        private readonly QueueSource<T> _stage;
        private readonly RingBuffer<T>? _buffer;
        private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private (T Element, TaskCompletionSource<QueueOfferResult> Promise)? _waiting; // a backpressured offer
        private bool _completing;

        public Logic(QueueSource<T> stage) : base(stage.Shape)
        {
            _stage = stage;
            _buffer = stage.BufferSize > 0 ? new RingBuffer<T>(stage.BufferSize) : null;
            SetHandler(stage.Out, this);
            Queue = new Handle(this);
        }

        public ISourceQueueWithComplete<T> Queue { get; }

        public override void OnPull()
        {
            if (_buffer is { IsEmpty: false })
            {
                Push(_stage.Out, _buffer.Dequeue());
                if (_waiting is { } waiting)
                {
                    _waiting = null;
                    _buffer.Enqueue(waiting.Element);
                    waiting.Promise.TrySetResult(QueueOfferResult.Enqueued.Instance);
                }
            }
            else if (_waiting is { } waiting)
            {
                _waiting = null;
                Push(_stage.Out, waiting.Element);
                waiting.Promise.TrySetResult(QueueOfferResult.Enqueued.Instance);
            }
            if (_completing && (_buffer?.IsEmpty ?? true) && _waiting is null) CompleteStage();
        }

        public override void OnDownstreamFinish(Exception cause)
        {
            _completion.TrySetResult();
            base.OnDownstreamFinish(cause);
        }

        public override void PostStop()
        {
            _waiting?.Promise.TrySetResult(QueueOfferResult.QueueClosed.Instance);
            _waiting = null;
            _completion.TrySetResult();
        }

        private void Offer(T element, TaskCompletionSource<QueueOfferResult> promise)
        {
            if (_completing)
            {
                promise.TrySetResult(QueueOfferResult.QueueClosed.Instance);
                return;
            }
            if (IsAvailable(_stage.Out) && (_buffer?.IsEmpty ?? true))
            {
                Push(_stage.Out, element);
                promise.TrySetResult(QueueOfferResult.Enqueued.Instance);
                return;
            }
            if (_buffer is { IsFull: false })
            {
                _buffer.Enqueue(element);
                promise.TrySetResult(QueueOfferResult.Enqueued.Instance);
                return;
            }
            if (_buffer is not null && _buffer.EnqueueDropping(_stage.Strategy, element))
            {
                promise.TrySetResult(QueueOfferResult.Enqueued.Instance);
                return;
            }
            switch (_stage.Strategy)
            {
                case OverflowStrategy.Backpressure:
                    if (_waiting is not null)
                    {
                        promise.TrySetException(new InvalidOperationException("You have to wait for the previous offer to be resolved to send another request"));
                        break;
                    }
                    _waiting = (element, promise);
                    break;
                case OverflowStrategy.Fail:
                    var overflow = new BufferOverflowException($"Buffer overflow for Source.Queue (max capacity was: {_stage.BufferSize})");
                    promise.TrySetResult(new QueueOfferResult.Failure(overflow));
                    Fail(overflow);
                    break;
                default: // DropNew, or a drop strategy with no buffer at all
                    promise.TrySetResult(QueueOfferResult.Dropped.Instance);
                    break;
            }
        }

        private void CompleteQueue()
        {
            _completing = true;
            if ((_buffer?.IsEmpty ?? true) && _waiting is null) CompleteStage();
        }

        private void Fail(Exception cause)
        {
            _completion.TrySetException(cause);
            _waiting?.Promise.TrySetResult(new QueueOfferResult.Failure(cause));
            _waiting = null;
            FailStage(cause);
        }

        /// <summary>The thread-safe handle handed out as the materialized value.</summary>
        private sealed class Handle(Logic logic) : ISourceQueueWithComplete<T>
        {
            public Task<QueueOfferResult> OfferAsync(T element)
            {
                var promise = new TaskCompletionSource<QueueOfferResult>(TaskCreationOptions.RunContinuationsAsynchronously);
                logic.PostAsync(new OfferEvent(logic, element, promise));
                return promise.Task;
            }

            public Task WatchCompletionAsync() => logic._completion.Task;

            public void Complete() => logic.PostAsync(new ControlEvent(logic, null));

            public void Fail(Exception cause) => logic.PostAsync(new ControlEvent(logic, cause ?? throw new ArgumentNullException(nameof(cause))));
        }

        private sealed class OfferEvent(Logic logic, T element, TaskCompletionSource<QueueOfferResult> promise) : AsyncEvent(logic)
        {
            public override void Run() => logic.Offer(element, promise);

            public override void OnDropped() => promise.TrySetResult(QueueOfferResult.QueueClosed.Instance);
        }

        private sealed class ControlEvent(Logic logic, Exception? failure) : AsyncEvent(logic)
        {
            public override void Run()
            {
                if (failure is null) logic.CompleteQueue();
                else logic.Fail(failure);
            }
        }
    }
}
