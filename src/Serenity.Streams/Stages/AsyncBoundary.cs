using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>
/// The buffer between two islands: a single-producer single-consumer ring of <c>capacity</c> elements.
/// Neither side blocks: a side that finds the ring full (producer) or empty (consumer) raises its
/// "waiting" flag and re-checks; the other side, after moving its index, clears the flag and wakes it
/// through an async callback. The consumer wakes the producer only once half the ring is free, so
/// elements cross in batches instead of one signal per element.
/// <para>
/// Each side's index and flag sit on their own cache line, and each side keeps a private copy of the
/// other's index that it refreshes only when the ring looks full (producer) or empty (consumer): an
/// element crossing touches no line the other core is writing. A side reads the other's flag after a
/// full fence (Dekker with the waiting side's exchange) and only exchanges it when it is raised.
/// </para>
/// </summary>
internal sealed class BoundaryChannel<T>(int capacity)
{
    private readonly T[] _buffer = new T[capacity];
    private PaddedCounter _written; // producer writes
    private PaddedCounter _read; // consumer writes
    private PaddedCounter _producerWaiting;
    private PaddedCounter _consumerWaiting;
    private long _readSeen; // producer only: _read as last read
    private long _writtenSeen; // consumer only: _written as last read
    private volatile bool _completed;
    private volatile Exception? _failure;
    private volatile Exception? _cancelled;

    public Action? WakeProducer { get; set; }

    public Action? WakeConsumer { get; set; }

    public int Capacity => _buffer.Length;

    public Exception? Cancelled => _cancelled;

    // Producer side.
    public bool HasSpace
    {
        get
        {
            var written = _written.Value;
            if (written - _readSeen < _buffer.Length) return true;
            _readSeen = Volatile.Read(ref _read.Value);
            return written - _readSeen < _buffer.Length;
        }
    }

    public void Write(T element)
    {
        var written = _written.Value;
        _buffer[written % _buffer.Length] = element;
        Volatile.Write(ref _written.Value, written + 1);
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _consumerWaiting.Value) == 1 && Interlocked.Exchange(ref _consumerWaiting.Value, 0) == 1) WakeConsumer?.Invoke();
    }

    /// <summary>Raises the producer's flag; false if space appeared meanwhile (then the flag is down again).</summary>
    public bool WaitForSpace()
    {
        Interlocked.Exchange(ref _producerWaiting.Value, 1);
        if (!HasSpace) return true;
        Interlocked.Exchange(ref _producerWaiting.Value, 0);
        return false;
    }

    public void Complete(Exception? failure)
    {
        _failure = failure;
        _completed = true;
        if (Interlocked.Exchange(ref _consumerWaiting.Value, 0) == 1) WakeConsumer?.Invoke();
    }

    // Consumer side.
    public bool TryRead(out T element)
    {
        var read = _read.Value;
        if (read == _writtenSeen)
        {
            _writtenSeen = Volatile.Read(ref _written.Value);
            if (read == _writtenSeen)
            {
                element = default!;
                return false;
            }
        }
        var index = read % _buffer.Length;
        element = _buffer[index];
        _buffer[index] = default!;
        Volatile.Write(ref _read.Value, read + 1);
        // A waiting producer is woken once half the ring is free. The estimate from _writtenSeen is never
        // below the truth, so it only decides whether to look at the flag; a raised flag gets the exact count.
        var half = Math.Max(1, _buffer.Length / 2);
        if (_buffer.Length - (_writtenSeen - (read + 1)) >= half)
        {
            Interlocked.MemoryBarrier();
            if (Volatile.Read(ref _producerWaiting.Value) == 1
                && _buffer.Length - (Volatile.Read(ref _written.Value) - (read + 1)) >= half
                && Interlocked.Exchange(ref _producerWaiting.Value, 0) == 1)
            {
                WakeProducer?.Invoke();
            }
        }
        return true;
    }

    /// <summary>After the ring ran empty: true when the producer completed (then <paramref name="failure"/> says how).</summary>
    public bool IsDone(out Exception? failure)
    {
        failure = _failure;
        return _completed && _read.Value == Volatile.Read(ref _written.Value);
    }

    /// <summary>Raises the consumer's flag; false if data (or completion) appeared meanwhile.</summary>
    public bool WaitForData()
    {
        Interlocked.Exchange(ref _consumerWaiting.Value, 1);
        if (_read.Value == Volatile.Read(ref _written.Value) && !_completed) return true;
        Interlocked.Exchange(ref _consumerWaiting.Value, 0);
        return false;
    }

    public void Cancel(Exception cause)
    {
        _cancelled = cause;
        Interlocked.Exchange(ref _producerWaiting.Value, 0);
        WakeProducer?.Invoke();
    }
}

/// <summary>A counter alone on its cache line (and the next, against adjacent-line prefetch).</summary>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit, Size = 128)]
internal struct PaddedCounter
{
    [System.Runtime.InteropServices.FieldOffset(64)]
    public long Value;
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
