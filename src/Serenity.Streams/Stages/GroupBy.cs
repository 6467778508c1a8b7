using Serenity.Actors;
using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>
/// Splits the stream by key: the first element of a new key emits a new substream source; that key's
/// elements go into it (Akka's <c>GroupBy</c>). One element waits at a time, so a slow substream
/// backpressures the whole stream. A key arriving while <c>maxSubstreams</c> substreams are open fails
/// the stream with <see cref="TooManySubstreamsOpenException"/>; elements of a key whose substream was
/// cancelled are dropped. The key function is supervised (resume skips the element).
/// </summary>
internal sealed class GroupBy<T, TKey> : GraphStage<FlowShape<T, Dsl.Source<T, NotUsed>>> where TKey : notnull
{
    public GroupBy(int maxSubstreams, Func<T, TKey> keyFor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSubstreams);
        MaxSubstreams = maxSubstreams;
        KeyFor = keyFor ?? throw new ArgumentNullException(nameof(keyFor));
    }

    public int MaxSubstreams { get; }

    public Func<T, TKey> KeyFor { get; }

    public Inlet<T> In { get; } = new("GroupBy.in");

    public Outlet<Dsl.Source<T, NotUsed>> Out { get; } = new("GroupBy.out");

    public override FlowShape<T, Dsl.Source<T, NotUsed>> Shape => new(In, Out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this, inheritedAttributes.GetDecider());

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly GroupBy<T, TKey> _stage;
        private readonly Decider _decider;
        private readonly Dictionary<TKey, SubSourceOutlet<T>> _active = [];
        private readonly HashSet<TKey> _closed = [];
        private (T Element, SubSourceOutlet<T> Target)? _pending; // waits for its substream to pull
        private (T Element, TKey Key)? _next; // waits for downstream to take a new substream

        public Logic(GroupBy<T, TKey> stage, Decider decider) : base(stage.Shape)
        {
            _stage = stage;
            _decider = decider;
            SetHandlers(stage.In, stage.Out, this);
        }

        public override void PreStart() => Pull(_stage.In);

        public override void OnPush()
        {
            var element = Grab(_stage.In);
            TKey key;
            try
            {
                key = _stage.KeyFor(element);
            }
            catch (Exception e)
            {
                if (SupervisionDirective.Decide(_decider, e) == Directive.Stop) FailStage(e);
                else TryPull();
                return;
            }
            if (_active.TryGetValue(key, out var substream))
            {
                if (substream.IsAvailable) substream.Push(element);
                else _pending = (element, substream);
                TryPull();
                return;
            }
            if (_closed.Contains(key))
            {
                TryPull();
                return;
            }
            if (_active.Count >= _stage.MaxSubstreams)
            {
                FailStage(new TooManySubstreamsOpenException(
                    $"Cannot open a substream for key [{key}]: maxSubstreams ({_stage.MaxSubstreams}) substreams are already open"));
                return;
            }
            if (IsAvailable(_stage.Out)) Open(key, element);
            else _next = (element, key);
        }

        public override void OnPull()
        {
            if (_next is not { } next) return;
            _next = null;
            Open(next.Key, next.Element);
        }

        public override void OnUpstreamFinish()
        {
            if (_pending is null && _next is null) Finish();
        }

        public override void OnUpstreamFailure(Exception e)
        {
            foreach (var substream in _active.Values) substream.Fail(e);
            FailStage(e);
        }

        public override void OnDownstreamFinish(Exception cause)
        {
            // The substreams already out keep running; the stage stops with the last of them.
            _next = null;
            if (_active.Count == 0) CancelStage(cause);
        }

        private void Open(TKey key, T element)
        {
            var substream = CreateSubSourceOutlet<T>($"GroupBy.sub({key})");
            substream.SetHandler(new SubHandler(this, key, substream));
            _active[key] = substream;
            _pending = (element, substream);
            Push(_stage.Out, Dsl.Source.FromGraph(substream.Source));
        }

        private void OnSubPull(SubSourceOutlet<T> substream)
        {
            if (_pending is not { } pending || !ReferenceEquals(pending.Target, substream)) return;
            _pending = null;
            substream.Push(pending.Element);
            if (IsClosed(_stage.In)) Finish();
            else TryPull();
        }

        private void OnSubCancel(TKey key, SubSourceOutlet<T> substream)
        {
            _active.Remove(key);
            _closed.Add(key);
            if (_pending is { } pending && ReferenceEquals(pending.Target, substream)) _pending = null;
            if (IsClosed(_stage.Out) && _active.Count == 0)
            {
                CompleteStage();
                return;
            }
            if (IsClosed(_stage.In)) Finish();
            else TryPull();
        }

        private void TryPull()
        {
            if (_pending is null && _next is null && !HasBeenPulled(_stage.In) && !IsClosed(_stage.In)) Pull(_stage.In);
        }

        private void Finish()
        {
            if (_pending is not null || _next is not null) return;
            foreach (var substream in _active.Values) substream.Complete();
            CompleteStage();
        }

        private sealed class SubHandler(Logic logic, TKey key, SubSourceOutlet<T> substream) : IOutHandler
        {
            public void OnPull() => logic.OnSubPull(substream);

            public void OnDownstreamFinish(Exception cause) => logic.OnSubCancel(key, substream);
        }
    }
}
