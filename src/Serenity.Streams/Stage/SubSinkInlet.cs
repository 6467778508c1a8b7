namespace Serenity.Streams.Stage;

/// <summary>
/// An inlet of a stage that reads from a substream (Akka's <c>SubSinkInlet</c>): materialize
/// <see cref="Sink"/> once at the end of the substream (usually with the stage's sub-fusing
/// materializer), then use Pull/Grab/Cancel and a handler as with an ordinary inlet. The two sides talk
/// through async callbacks, so the substream may run anywhere.
/// </summary>
public sealed class SubSinkInlet<T> : ISubstreamPort
{
    private readonly GraphStageLogic _owner;
    private readonly Action<SubEvent> _fromSub;
    private IInHandler? _handler;
    private Action<Exception?>? _toSub; // null argument: pull; otherwise: cancel with that cause
    private bool _pullRequested;
    private Exception? _cancelRequested;
    private bool _available;
    private bool _closed;
    private bool _pulled;
    private T _element = default!;

    internal SubSinkInlet(GraphStageLogic owner, string name, Func<Action<SubEvent>, Action<SubEvent>> callback)
    {
        _owner = owner;
        Name = name;
        _fromSub = callback(OnEvent);
        Sink = new SubSinkStage(this);
    }

    /// <summary>The port's name.</summary>
    public string Name { get; }

    /// <summary>The sink to put at the end of the substream; materialize it exactly once.</summary>
    public IGraph<SinkShape<T>, NotUsed> Sink { get; }

    /// <summary>True when an element has arrived and not been grabbed.</summary>
    public bool IsAvailable => _available;

    /// <summary>True once the substream has completed or failed (or this inlet was cancelled).</summary>
    public bool IsClosed => _closed;

    /// <summary>True while a pull is outstanding.</summary>
    public bool HasBeenPulled => _pulled && !_closed;

    /// <summary>Sets the handler of substream signals.</summary>
    public void SetHandler(IInHandler handler) => _handler = handler ?? throw new ArgumentNullException(nameof(handler));

    /// <summary>Requests one element from the substream.</summary>
    public void Pull()
    {
        if (_closed) throw new InvalidOperationException($"Cannot pull closed sub-inlet [{Name}]");
        if (_pulled) throw new InvalidOperationException($"Cannot pull sub-inlet [{Name}] twice");
        _pulled = true;
        if (_toSub is { } toSub) toSub(null);
        else _pullRequested = true;
    }

    /// <summary>Takes the element that arrived.</summary>
    public T Grab()
    {
        if (!_available) throw new InvalidOperationException($"Cannot grab from sub-inlet [{Name}]: no element is available");
        _available = false;
        var element = _element;
        _element = default!;
        return element;
    }

    /// <summary>Cancels the substream.</summary>
    public void Cancel() => Cancel(SubscriptionWithCancelException.NonFailureCancellation);

    /// <summary>Cancels the substream because of <paramref name="cause"/>.</summary>
    public void Cancel(Exception cause)
    {
        if (_closed) return;
        _closed = true;
        _available = false;
        _element = default!;
        if (_toSub is { } toSub) toSub(cause);
        else _cancelRequested = cause;
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    void ISubstreamPort.Abort(Exception cause) => Cancel(cause);

    private void OnEvent(SubEvent e)
    {
        switch (e.Kind)
        {
            case SubEventKind.Attached:
                _toSub = e.Channel;
                if (_cancelRequested is { } cause) _toSub!(cause);
                else if (_pullRequested) _toSub!(null);
                return;
            case SubEventKind.Push when !_closed:
                _pulled = false;
                _available = true;
                _element = e.Element;
                Handler.OnPush();
                return;
            case SubEventKind.Complete when !_closed:
                _closed = true;
                Handler.OnUpstreamFinish();
                return;
            case SubEventKind.Fail when !_closed:
                _closed = true;
                Handler.OnUpstreamFailure(e.Failure!);
                return;
        }
    }

    private IInHandler Handler => _handler ?? throw new InvalidOperationException($"No handler set for sub-inlet [{Name}] of stage [{_owner}]");

    internal enum SubEventKind
    {
        Attached,
        Push,
        Complete,
        Fail,
    }

    /// <summary>What the substream's sink tells the owner.</summary>
    internal readonly record struct SubEvent(SubEventKind Kind, T Element, Exception? Failure, Action<Exception?>? Channel);

    /// <summary>The sink at the end of the substream: forwards everything to the owner.</summary>
    private sealed class SubSinkStage(SubSinkInlet<T> port) : GraphStage<SinkShape<T>>
    {
        private int _materialized;

        public Inlet<T> In { get; } = new("SubSink.in");

        public override SinkShape<T> Shape => new(In);

        protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes)
        {
            if (Interlocked.Exchange(ref _materialized, 1) == 1) throw new InvalidOperationException($"The sink of sub-inlet [{port.Name}] can only be materialized once");
            return new Logic(this, port);
        }

        private sealed class Logic : InGraphStageLogic
        {
            private readonly Inlet<T> _in;
            private readonly SubSinkInlet<T> _port;

            public Logic(SubSinkStage stage, SubSinkInlet<T> port) : base(stage.Shape)
            {
                _in = stage.In;
                _port = port;
                SetHandler(_in, this);
            }

            public override void PreStart()
            {
                var fromOwner = GetAsyncCallback<Exception?>(cause =>
                {
                    if (cause is null)
                    {
                        if (!IsClosed(_in) && !HasBeenPulled(_in)) Pull(_in);
                    }
                    else
                    {
                        CancelStage(cause);
                    }
                });
                _port._fromSub(new SubEvent(SubEventKind.Attached, default!, null, fromOwner));
            }

            public override void OnPush() => _port._fromSub(new SubEvent(SubEventKind.Push, Grab(_in), null, null));

            public override void OnUpstreamFinish()
            {
                _port._fromSub(new SubEvent(SubEventKind.Complete, default!, null, null));
                CompleteStage();
            }

            public override void OnUpstreamFailure(Exception e)
            {
                _port._fromSub(new SubEvent(SubEventKind.Fail, default!, e, null));
                FailStage(e);
            }
        }
    }
}
