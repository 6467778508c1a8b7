using Serenity.Actors;
using Serenity.Streams.Implementation;
using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>
/// <c>Source.ActorRef</c>: materializes to an actor ref; messages of type <typeparamref name="T"/> sent to it
/// are emitted (buffered up to <c>bufferSize</c>, overflow strategy when full). <see cref="Status.Success"/>
/// or <see cref="PoisonPill"/> completes the stream once the buffer has drained; <see cref="Status.Failure"/>
/// fails it at once. Other messages are ignored. After the stream ends the ref is terminated.
/// </summary>
internal sealed class ActorRefSource<T> : GraphStageWithMaterializedValue<SourceShape<T>, IActorRef>
{
    public ActorRefSource(int bufferSize, OverflowStrategy strategy)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bufferSize);
        if (strategy == OverflowStrategy.Backpressure)
        {
            throw new ArgumentException("Backpressure overflow strategy is not supported by Source.ActorRef (an actor cannot be backpressured); use Source.Queue", nameof(strategy));
        }
        BufferSize = bufferSize;
        Strategy = strategy;
    }

    public int BufferSize { get; }

    public OverflowStrategy Strategy { get; }

    public Outlet<T> Out { get; } = new("ActorRefSource.out");

    public override SourceShape<T> Shape => new(Out);

    public override LogicAndMaterializedValue<IActorRef> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var logic = new Logic(this);
        return new(logic, logic.Ref);
    }

    private sealed class Logic : OutGraphStageLogic
    {
        private readonly ActorRefSource<T> _stage;
        private readonly RingBuffer<T>? _buffer;
        private readonly StageActor _actor;
        private bool _completing;

        public Logic(ActorRefSource<T> stage) : base(stage.Shape)
        {
            _stage = stage;
            _buffer = stage.BufferSize > 0 ? new RingBuffer<T>(stage.BufferSize) : null;
            SetHandler(stage.Out, this);
            _actor = GetStageActor(Receive);
        }

        public IActorRef Ref => _actor.Ref;

        public override void OnPull()
        {
            if (_buffer is { IsEmpty: false }) Push(_stage.Out, _buffer.Dequeue());
            if (_completing && (_buffer?.IsEmpty ?? true)) CompleteStage();
        }

        private void Receive((IActorRef Sender, object Message) envelope)
        {
            switch (envelope.Message)
            {
                case T element when !_completing:
                    Enqueue(element);
                    break;
                case Status.Success or PoisonPill:
                    _completing = true;
                    if (_buffer?.IsEmpty ?? true) CompleteStage();
                    break;
                case Status.Failure failure:
                    FailStage(failure.Cause);
                    break;
            }
        }

        private void Enqueue(T element)
        {
            if (IsAvailable(_stage.Out) && (_buffer?.IsEmpty ?? true))
            {
                Push(_stage.Out, element);
                return;
            }
            if (_buffer is null) return; // no demand, no buffer: dropped
            if (!_buffer.IsFull)
            {
                _buffer.Enqueue(element);
                return;
            }
            if (_buffer.EnqueueDropping(_stage.Strategy, element)) return;
            if (_stage.Strategy == OverflowStrategy.Fail)
            {
                FailStage(new BufferOverflowException($"Buffer overflow for Source.ActorRef (max capacity was: {_stage.BufferSize})"));
            }
        }
    }
}
