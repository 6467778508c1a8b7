using Serenity.Streams.Implementation;
using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>
/// Decouples upstream from downstream with room for <c>size</c> elements; when full, the overflow
/// strategy decides (Akka's <c>Buffer</c>). Memory is bounded by the size.
/// </summary>
internal sealed class Buffer<T> : GraphStage<FlowShape<T, T>>
{
    public Buffer(int size, OverflowStrategy strategy)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        Size = size;
        Strategy = strategy;
    }

    public int Size { get; }

    public OverflowStrategy Strategy { get; }

    public Inlet<T> In { get; } = new("Buffer.in");

    public Outlet<T> Out { get; } = new("Buffer.out");

    public override FlowShape<T, T> Shape => new(In, Out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly Buffer<T> _stage;
        private readonly RingBuffer<T> _buffer;

        public Logic(Buffer<T> stage) : base(stage.Shape)
        {
            _stage = stage;
            _buffer = new RingBuffer<T>(stage.Size);
            SetHandlers(stage.In, stage.Out, this);
            Trusted = true;
        }

        public override void PreStart() => Pull(_stage.In);

        public override void OnPush()
        {
            var element = Grab(_stage.In);
            if (_buffer.IsEmpty && IsAvailable(_stage.Out)) Push(_stage.Out, element);
            else if (!_buffer.IsFull) _buffer.Enqueue(element);
            else if (!Overflow(element)) return;
            if (_stage.Strategy != OverflowStrategy.Backpressure || !_buffer.IsFull) Pull(_stage.In);
        }

        public override void OnPull()
        {
            if (_buffer.IsEmpty)
            {
                if (IsClosed(_stage.In)) CompleteStage();
                return;
            }
            Push(_stage.Out, _buffer.Dequeue());
            if (IsClosed(_stage.In))
            {
                if (_buffer.IsEmpty) CompleteStage();
            }
            else if (!HasBeenPulled(_stage.In))
            {
                Pull(_stage.In);
            }
        }

        public override void OnUpstreamFinish()
        {
            if (_buffer.IsEmpty) CompleteStage();
        }

        // False when the stage failed.
        private bool Overflow(T element)
        {
            if (_buffer.EnqueueDropping(_stage.Strategy, element) || _stage.Strategy == OverflowStrategy.DropNew) return true;
            FailStage(new BufferOverflowException($"Buffer overflow (max capacity was: {_stage.Size})!"));
            return false;
        }
    }
}
