namespace Serenity.Streams.Stage;

/// <summary>
/// An outlet of a stage that feeds a substream (Akka's <c>SubSourceOutlet</c>): hand out
/// <see cref="Source"/> (it can be materialized once), then Push/Complete/Fail when the handler's
/// OnPull says the substream wants an element. The two sides talk through async callbacks.
/// </summary>
public sealed class SubSourceOutlet<T> : ISubstreamPort
{
    private readonly GraphStageLogic _owner;
    private readonly Action<SubEvent> _fromSub;
    private IOutHandler? _handler;
    private Action<OwnerEvent>? _toSub;
    private OwnerEvent? _pendingTermination;
    private bool _available;
    private bool _closed;

    internal SubSourceOutlet(GraphStageLogic owner, string name, Func<Action<SubEvent>, Action<SubEvent>> callback)
    {
        _owner = owner;
        Name = name;
        _fromSub = callback(OnEvent);
        Source = new SubSourceStage(this);
    }

    /// <summary>The port's name.</summary>
    public string Name { get; }

    /// <summary>The source the substream starts with; materialize it exactly once.</summary>
    public IGraph<SourceShape<T>, NotUsed> Source { get; }

    /// <summary>True when the substream has asked for an element that has not been pushed yet.</summary>
    public bool IsAvailable => _available && !_closed;

    /// <summary>True once completed, failed or cancelled.</summary>
    public bool IsClosed => _closed;

    /// <summary>Sets the handler of substream signals.</summary>
    public void SetHandler(IOutHandler handler) => _handler = handler ?? throw new ArgumentNullException(nameof(handler));

    /// <summary>Sends an element into the substream (after its OnPull).</summary>
    public void Push(T element)
    {
        if (!IsAvailable) throw new InvalidOperationException($"Cannot push sub-outlet [{Name}]: it was not pulled or is closed");
        _available = false;
        _toSub!(new OwnerEvent(OwnerEventKind.Push, element, null));
    }

    /// <summary>Completes the substream.</summary>
    public void Complete() => Terminate(new OwnerEvent(OwnerEventKind.Complete, default!, null));

    /// <summary>Fails the substream.</summary>
    public void Fail(Exception cause) => Terminate(new OwnerEvent(OwnerEventKind.Fail, default!, cause ?? throw new ArgumentNullException(nameof(cause))));

    /// <inheritdoc />
    public override string ToString() => Name;

    void ISubstreamPort.Abort(Exception cause) => Fail(cause);

    private void Terminate(OwnerEvent e)
    {
        if (_closed) return;
        _closed = true;
        if (_toSub is { } toSub) toSub(e);
        else _pendingTermination = e;
    }

    private void OnEvent(SubEvent e)
    {
        switch (e.Kind)
        {
            case SubEventKind.Attached:
                _toSub = e.Channel;
                if (_pendingTermination is { } termination) _toSub!(termination);
                return;
            case SubEventKind.Pull when !_closed:
                _available = true;
                Handler.OnPull();
                return;
            case SubEventKind.Cancel when !_closed:
                _closed = true;
                Handler.OnDownstreamFinish(e.Cause!);
                return;
        }
    }

    private IOutHandler Handler => _handler ?? throw new InvalidOperationException($"No handler set for sub-outlet [{Name}] of stage [{_owner}]");

    internal enum SubEventKind
    {
        Attached,
        Pull,
        Cancel,
    }

    internal enum OwnerEventKind
    {
        Push,
        Complete,
        Fail,
    }

    /// <summary>What the substream's source tells the owner.</summary>
    internal readonly record struct SubEvent(SubEventKind Kind, Exception? Cause, Action<OwnerEvent>? Channel);

    /// <summary>What the owner tells the substream's source.</summary>
    internal readonly record struct OwnerEvent(OwnerEventKind Kind, T Element, Exception? Failure);

    /// <summary>The source at the start of the substream: emits what the owner pushes.</summary>
    private sealed class SubSourceStage(SubSourceOutlet<T> port) : GraphStage<SourceShape<T>>
    {
        private int _materialized;

        public Outlet<T> Out { get; } = new("SubSource.out");

        public override SourceShape<T> Shape => new(Out);

        protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes)
        {
            if (Interlocked.Exchange(ref _materialized, 1) == 1) throw new InvalidOperationException($"Substream source [{port.Name}] cannot be materialized more than once");
            return new Logic(this, port);
        }

        private sealed class Logic : OutGraphStageLogic
        {
            private readonly Outlet<T> _out;
            private readonly SubSourceOutlet<T> _port;

            public Logic(SubSourceStage stage, SubSourceOutlet<T> port) : base(stage.Shape)
            {
                _out = stage.Out;
                _port = port;
                SetHandler(_out, this);
            }

            public override void PreStart()
            {
                var fromOwner = GetAsyncCallback<OwnerEvent>(e =>
                {
                    switch (e.Kind)
                    {
                        case OwnerEventKind.Push:
                            Push(_out, e.Element);
                            break;
                        case OwnerEventKind.Complete:
                            CompleteStage();
                            break;
                        default:
                            FailStage(e.Failure!);
                            break;
                    }
                });
                _port._fromSub(new SubEvent(SubEventKind.Attached, null, fromOwner));
            }

            public override void OnPull() => _port._fromSub(new SubEvent(SubEventKind.Pull, null, null));

            public override void OnDownstreamFinish(Exception cause)
            {
                _port._fromSub(new SubEvent(SubEventKind.Cancel, cause, null));
                CancelStage(cause);
            }
        }
    }
}
