using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>
/// The buffer between two islands: a single-producer single-consumer ring of <c>capacity</c> elements.
/// Neither side blocks: a side that finds the ring full (producer) or empty (consumer) raises its
/// "waiting" flag and re-checks; the other side, after moving its index, clears the flag and wakes it
/// through an async callback. The consumer wakes the producer only once half the ring is free, so
/// elements cross in batches instead of one signal per element.
/// </summary>
internal sealed class BoundaryChannel<T>(int capacity)
{
    private readonly T[] _buffer = new T[capacity];
    private long _written;
    private long _read;
    private int _producerWaiting;
    private int _consumerWaiting;
    private volatile bool _completed;
    private volatile Exception? _failure;
    private volatile Exception? _cancelled;

    public Action? WakeProducer { get; set; }

    public Action? WakeConsumer { get; set; }

    public int Capacity => _buffer.Length;

    public Exception? Cancelled => _cancelled;

    // Producer side.
    public bool HasSpace => _written - Volatile.Read(ref _read) < _buffer.Length;

    public void Write(T element)
    {
        _buffer[_written % _buffer.Length] = element;
        Volatile.Write(ref _written, _written + 1);
        if (Interlocked.Exchange(ref _consumerWaiting, 0) == 1) WakeConsumer?.Invoke();
    }

    /// <summary>Raises the producer's flag; false if space appeared meanwhile (then the flag is down again).</summary>
    public bool WaitForSpace()
    {
        Interlocked.Exchange(ref _producerWaiting, 1);
        if (!HasSpace) return true;
        Interlocked.Exchange(ref _producerWaiting, 0);
        return false;
    }

    public void Complete(Exception? failure)
    {
        _failure = failure;
        _completed = true;
        if (Interlocked.Exchange(ref _consumerWaiting, 0) == 1) WakeConsumer?.Invoke();
    }

    // Consumer side.
    public bool TryRead(out T element)
    {
        var read = _read;
        if (read == Volatile.Read(ref _written))
        {
            element = default!;
            return false;
        }
        var index = read % _buffer.Length;
        element = _buffer[index];
        _buffer[index] = default!;
        Volatile.Write(ref _read, read + 1);
        var free = _buffer.Length - (Volatile.Read(ref _written) - (read + 1));
        if (free >= Math.Max(1, _buffer.Length / 2) && Interlocked.Exchange(ref _producerWaiting, 0) == 1) WakeProducer?.Invoke();
        return true;
    }

    /// <summary>After the ring ran empty: true when the producer completed (then <paramref name="failure"/> says how).</summary>
    public bool IsDone(out Exception? failure)
    {
        failure = _failure;
        return _completed && _read == Volatile.Read(ref _written);
    }

    /// <summary>Raises the consumer's flag; false if data (or completion) appeared meanwhile.</summary>
    public bool WaitForData()
    {
        Interlocked.Exchange(ref _consumerWaiting, 1);
        if (_read == Volatile.Read(ref _written) && !_completed) return true;
        Interlocked.Exchange(ref _consumerWaiting, 0);
        return false;
    }

    public void Cancel(Exception cause)
    {
        _cancelled = cause;
        Interlocked.Exchange(ref _producerWaiting, 0);
        WakeProducer?.Invoke();
    }
}

/// <summary>The upstream half of an async boundary: a sink writing into the channel.</summary>
internal sealed class BoundaryOutput<T>(BoundaryChannel<T> channel) : GraphStage<SinkShape<T>>
{
    public Inlet<T> In { get; } = new("BoundaryOutput.in");

    public override SinkShape<T> Shape => new(In);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this, channel);

    private sealed class Logic : InGraphStageLogic
    {
        private readonly Inlet<T> _in;
        private readonly BoundaryChannel<T> _channel;
        private bool _finished;

        public Logic(BoundaryOutput<T> stage, BoundaryChannel<T> channel) : base(stage.Shape)
        {
            _in = stage.In;
            _channel = channel;
            SetHandler(_in, this);
            channel.WakeProducer = GetAsyncCallback(OnWake);
        }

        public override void PreStart() => Pull(_in);

        public override void OnPush()
        {
            _channel.Write(Grab(_in));
            if (_channel.HasSpace || !_channel.WaitForSpace()) Pull(_in);
        }

        public override void OnUpstreamFinish()
        {
            _finished = true;
            _channel.Complete(null);
            CompleteStage();
        }

        public override void OnUpstreamFailure(Exception e)
        {
            _finished = true;
            _channel.Complete(e);
            FailStage(e);
        }

        public override void PostStop()
        {
            if (!_finished) _channel.Complete(_channel.Cancelled is null ? new AbruptStageTerminationException() : null);
        }

        private void OnWake()
        {
            if (_channel.Cancelled is { } cause)
            {
                _finished = true;
                CancelStage(cause);
                return;
            }
            if (!IsClosed(_in) && !HasBeenPulled(_in) && !IsAvailable(_in) && _channel.HasSpace) Pull(_in);
        }
    }
}

/// <summary>The downstream half of an async boundary: a source reading from the channel.</summary>
internal sealed class BoundaryInput<T>(BoundaryChannel<T> channel) : GraphStage<SourceShape<T>>
{
    public Outlet<T> Out { get; } = new("BoundaryInput.out");

    public override SourceShape<T> Shape => new(Out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this, channel);

    private sealed class Logic : OutGraphStageLogic
    {
        private readonly Outlet<T> _out;
        private readonly BoundaryChannel<T> _channel;

        public Logic(BoundaryInput<T> stage, BoundaryChannel<T> channel) : base(stage.Shape)
        {
            _out = stage.Out;
            _channel = channel;
            SetHandler(_out, this);
            channel.WakeConsumer = GetAsyncCallback(Deliver);
        }

        public override void OnPull() => Deliver();

        public override void OnDownstreamFinish(Exception cause)
        {
            _channel.Cancel(cause);
            CompleteStage();
        }

        public override void PostStop()
        {
            if (!_channel.IsDone(out _)) _channel.Cancel(new AbruptStageTerminationException());
        }

        private void Deliver()
        {
            while (IsAvailable(_out))
            {
                if (_channel.TryRead(out var element))
                {
                    Push(_out, element);
                    return;
                }
                if (_channel.IsDone(out var failure))
                {
                    if (failure is null) CompleteStage();
                    else FailStage(failure);
                    return;
                }
                if (_channel.WaitForData()) return;
            }
        }
    }
}
