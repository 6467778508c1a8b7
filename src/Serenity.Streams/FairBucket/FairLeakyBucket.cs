using Serenity.Actors;
using Serenity.Streams.Dsl;
using Serenity.Streams.Implementation;
using Serenity.Streams.Implementation.Fusing;
using Serenity.Streams.Stage;
using Serenity.Streams.Stages;

namespace Serenity.Streams.FairBucket;

/// <summary>The fair leaky bucket as a flow.</summary>
public static class FairLeakyBucket
{
    /// <summary>
    /// A flow that rations elements fairly between keys (ARCHITECTURE.md, section 5); it materializes to
    /// its live statistics. Use it with <c>ViaMaterialized(..., Keep.Right)</c> to keep them.
    /// </summary>
    public static Flow<T, T, IFairBucketStats<TKey>> Create<T, TKey>(Func<T, TKey> keyFor, FairLeakyBucketSettings settings) where TKey : notnull =>
        Flow.FromGraph(new FairLeakyBucket<T, TKey>(keyFor, settings));

    /// <summary>
    /// As <see cref="Create{T, TKey}(Func{T, TKey}, FairLeakyBucketSettings)"/>, with a hint that saves the per-element
    /// key lookup: <paramref name="indexFor"/> gives a small non-negative number for the element's key (a dense id
    /// assigned elsewhere, e.g. at parse time), or -1 when it has none. The bucket keeps keys in an array by that
    /// number and checks that the key found there is the element's key, so a wrong or stale number costs a lookup, never a mix-up.
    /// </summary>
    public static Flow<T, T, IFairBucketStats<TKey>> Create<T, TKey>(Func<T, TKey> keyFor, Func<T, int> indexFor, FairLeakyBucketSettings settings) where TKey : notnull =>
        Flow.FromGraph(new FairLeakyBucket<T, TKey>(keyFor, settings) { IndexFor = indexFor });
}

/// <summary>
/// The fair leaky bucket stage. Per key, a queue that leaks at most <c>PerKeyRate</c> elements per second
/// and accepts an element only while it holds fewer than its threshold; the threshold starts at
/// <c>IdleCapacity</c>, grows by one per <c>RefreshInterval</c> while the queue is at or under idle capacity
/// (to absorb the burst that is coming), is capped at <c>MaxCapacity</c> and shrinks by one with every leak
/// down to idle capacity. Over all keys, a token bucket of <c>GlobalRate</c> per second (capacity
/// <c>GlobalBurst</c>) is shared round-robin by start-time fair queuing: every key carries a virtual tag
/// that advances by one per element it leaks, a key that starts sending again starts at the current
/// virtual time (no credit for being idle), and the ready key with the smallest tag goes next. So
/// backlogged keys take strict turns, a key that sends more than its share only gets what the others
/// leave, and an idle key's share goes to the others. Conflating mode keeps only the newest element per key.
/// <para>
/// Upstream is never backpressured (the bucket drops instead); downstream backpressure just leaves elements
/// queued. A key that leaked waits out its leak interval in a cooldown FIFO, which stays sorted because
/// every key has the same interval; ready keys sit in a heap (usually tiny). Time is the system's clock;
/// waits are stage timers, so the whole bucket runs deterministically in virtual time.
/// </para>
/// </summary>
public sealed class FairLeakyBucket<T, TKey> : GraphStageWithMaterializedValue<FlowShape<T, T>, IFairBucketStats<TKey>> where TKey : notnull
{
    /// <summary>Creates the stage.</summary>
    public FairLeakyBucket(Func<T, TKey> keyFor, FairLeakyBucketSettings settings)
    {
        KeyFor = keyFor ?? throw new ArgumentNullException(nameof(keyFor));
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        settings.Validate();
    }

    /// <summary>The key of an element.</summary>
    public Func<T, TKey> KeyFor { get; }

    /// <summary>Optional: a small non-negative number of the element's key (-1: none); a hint, checked against the key.</summary>
    public Func<T, int>? IndexFor { get; init; }

    /// <summary>The parameters.</summary>
    public FairLeakyBucketSettings Settings { get; }

    /// <summary>The inlet.</summary>
    public Inlet<T> In { get; } = new("FairLeakyBucket.in");

    /// <summary>The outlet.</summary>
    public Outlet<T> Out { get; } = new("FairLeakyBucket.out");

    /// <inheritdoc />
    public override FlowShape<T, T> Shape => new(In, Out);

    /// <inheritdoc />
    public override LogicAndMaterializedValue<IFairBucketStats<TKey>> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var clock = GraphMaterialization.Materializing?.System.Clock ?? TimeProvider.System;
        var registry = new FairBucketRegistry<T, TKey>(clock, Settings);
        return new(new Logic(this, registry, inheritedAttributes.GetDecider()), registry);
    }

    private sealed class Logic : TimerGraphStageLogic, IInHandler, IOutHandler
    {
        private const string LeakTimer = "leak";
        private const int MaxIndex = 1 << 22; // an index hint past this is ignored (the array would be too large)
        private readonly FairLeakyBucket<T, TKey> _stage;
        private readonly FairLeakyBucketSettings _settings;
        private readonly FairBucketRegistry<T, TKey> _registry;
        private readonly Decider _decider;
        private readonly Dictionary<TKey, KeyState<T, TKey>> _keys = [];
        private readonly EqualityComparer<TKey> _keyComparer = EqualityComparer<TKey>.Default;
        private KeyState<T, TKey>?[] _byIndex = []; // keys by IndexFor, when the stage has it
        private readonly ReadyHeap<T, TKey> _ready = new(); // may leak now, by fair-queuing tag
        private readonly Queue<KeyState<T, TKey>> _cooldown = new(); // leaked recently, by NextAllowed
        private Connection<T> _inConn = null!;
        private Connection<T> _outConn = null!;
        private TokenBucket? _global;
        private long _keyInterval; // timestamp units between two leaks of one key; 0: no per-key limit
        private long _backlog;
        private long _virtualTime; // the tag of the element last leaked
        private long _order;
        private bool _timerArmed;
        private long _timerDue;
        private bool _finishing;

        public Logic(FairLeakyBucket<T, TKey> stage, FairBucketRegistry<T, TKey> registry, Decider decider) : base(stage.Shape)
        {
            _stage = stage;
            _settings = stage.Settings;
            _registry = registry;
            _decider = decider;
            SetHandler(stage.In, (IInHandler)this);
            SetHandler(stage.Out, (IOutHandler)this);
            Trusted = true;
        }

        public override void PreStart()
        {
            _inConn = InConnection(_stage.In);
            _outConn = OutConnection(_stage.Out);
            var frequency = Clock.TimestampFrequency;
            _keyInterval = _settings.PerKeyRate > 0 ? (long)Math.Round(frequency / _settings.PerKeyRate) : 0;
            if (_settings.GlobalRate > 0)
            {
                // Rate as an exact fraction (milli-elements per 1000 s) so the long-run rate has no rounding drift.
                _global = new TokenBucket(_settings.GlobalBurst, (long)Math.Round(_settings.GlobalRate * 1000), frequency * 1000);
                _global.Init(Clock.GetTimestamp());
            }
            PullFrom(_inConn);
        }

        public void OnPush()
        {
            var element = GrabFrom(_inConn);
            TKey key;
            try
            {
                key = _stage.KeyFor(element);
            }
            catch (Exception e)
            {
                if (SupervisionDirective.Decide(_decider, e) == Directive.Stop)
                {
                    FailStage(e);
                    return;
                }
                PullFrom(_inConn);
                return;
            }
            var now = Clock.GetTimestamp();
            var state = Find(key, element, now);
            if (TryPassThrough(state, element, now)) return;
            if (Accept(state, element, now) && !state.InReady && !state.InCooldown)
            {
                state.Tag = Math.Max(_virtualTime, state.Finish); // no credit for having been idle
                MakeReady(state);
            }
            PullFrom(_inConn);
            TryLeak(now);
        }

        public void OnUpstreamFinish()
        {
            _finishing = true;
            if (_backlog == 0) CompleteStage();
        }

        // With nothing queued nothing can leak (a pass-through promotes cooled-down keys itself): no clock read.
        public void OnPull()
        {
            if (_backlog != 0) TryLeak(Clock.GetTimestamp());
        }

        protected override void OnTimer(object timerKey)
        {
            _timerArmed = false;
            TryLeak(Clock.GetTimestamp());
        }

        private KeyState<T, TKey> Find(TKey key, T element, long now)
        {
            var index = _stage.IndexFor is { } indexFor ? indexFor(element) : -1;
            var byIndex = _byIndex;
            if ((uint)index < (uint)byIndex.Length && byIndex[index] is { } known && _keyComparer.Equals(known.Key, key)) return known;
            if (!_keys.TryGetValue(key, out var state)) state = AddKey(key, now);
            if (index is >= 0 and < MaxIndex) Remember(index, state);
            return state;
        }

        private void Remember(int index, KeyState<T, TKey> state)
        {
            if (index >= _byIndex.Length) Array.Resize(ref _byIndex, Math.Max(64, (int)Math.Min(Array.MaxLength, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)index + 1))));
            _byIndex[index] = state;
        }

        private KeyState<T, TKey> AddKey(TKey key, long now)
        {
            var state = new KeyState<T, TKey>(key, _settings.IdleCapacity, _settings.MaxCapacity, _settings.Conflate, now);
            _keys.Add(key, state);
            _registry.Add(state);
            return state;
        }

        /// <summary>
        /// Nothing is queued anywhere, downstream has asked and this key and the global rate allow a leak
        /// now: the element leaks at once, with the same bookkeeping as queueing it and leaking it next
        /// (threshold, fair-queuing tags, cooldown, counters) but without the queue and the ready heap.
        /// </summary>
        private bool TryPassThrough(KeyState<T, TKey> state, T element, long now)
        {
            if (_backlog != 0 || _settings.Conflate || _finishing) return false;
            if ((_outConn.State & (Connection.Pulled | Connection.PullPending | Connection.OutClosed | Connection.InClosed)) != Connection.Pulled) return false;
            Promote(now); // keys whose interval has passed leave the cooldown (none has anything queued)
            if (state.InCooldown || (_global is not null && _global.Available(now) < 1)) return false;
            Grow(state, now);
            Volatile.Write(ref state.Accepted, state.Accepted + 1);
            if (state.Threshold > _settings.IdleCapacity) state.Threshold--;
            state.Tag = Math.Max(_virtualTime, state.Finish); // no credit for having been idle
            RecordLeak(state, now, wait: 0);
            PullFrom(_inConn);
            PushTo(_outConn, element);
            return true;
        }

        /// <summary>Queues the element if the threshold allows; true when the key has gone from empty to non-empty.</summary>
        private bool Accept(KeyState<T, TKey> state, T element, long now)
        {
            if (_settings.Conflate)
            {
                Volatile.Write(ref state.Accepted, state.Accepted + 1);
                if (state.HasLatest)
                {
                    Volatile.Write(ref state.Conflated, state.Conflated + 1);
                    state.Latest = new KeyState<T, TKey>.Entry(element, now);
                    return false;
                }
                state.Latest = new KeyState<T, TKey>.Entry(element, now);
                state.HasLatest = true;
                Volatile.Write(ref state.QueueLength, 1);
                _backlog++;
                return true;
            }
            Grow(state, now);
            var queue = state.Queue!;
            if (queue.Count >= state.Threshold)
            {
                Volatile.Write(ref state.Dropped, state.Dropped + 1);
                return false;
            }
            queue.Enqueue(new KeyState<T, TKey>.Entry(element, now));
            // Release order for the statistics' readers: accepted first, then the queue length.
            Volatile.Write(ref state.Accepted, state.Accepted + 1);
            Volatile.Write(ref state.QueueLength, queue.Count);
            _backlog++;
            return queue.Count == 1;
        }

        /// <summary>
        /// Applies the threshold growth due since the key was last touched: its queue length has not changed
        /// since then, so it was at or under idle capacity for the whole time, or for none of it.
        /// </summary>
        private void Grow(KeyState<T, TKey> state, long now)
        {
            if (state.QueueLength > _settings.IdleCapacity)
            {
                state.GrowthAnchor = now;
                return;
            }
            var intervals = (now - state.GrowthAnchor) / _registry.RefreshUnits;
            if (intervals <= 0) return;
            state.GrowthAnchor += intervals * _registry.RefreshUnits;
            state.Threshold = (int)Math.Min(_settings.MaxCapacity, state.Threshold + intervals);
        }

        private void TryLeak(long now)
        {
            if ((_outConn.State & (Connection.Pulled | Connection.PullPending | Connection.OutClosed | Connection.InClosed)) != Connection.Pulled) return;
            Promote(now);
            if (_ready.Count == 0 || (_global is not null && _global.Available(now) < 1))
            {
                ArmTimer(now);
                return;
            }
            var state = _ready.Pop();
            state.InReady = false;
            var entry = Take(state, now);
            _backlog--;
            RecordLeak(state, now, now - entry.Arrival);
            PushTo(_outConn, entry.Element);
            if (_finishing && _backlog == 0) CompleteStage();
        }

        /// <summary>
        /// The bookkeeping of one element of <paramref name="state"/> leaking now after <paramref name="wait"/>: the global
        /// token, the fair-queuing tags, the counters, and the key's next turn (cooldown, or back in line if it has more).
        /// </summary>
        private void RecordLeak(KeyState<T, TKey> state, long now, long wait)
        {
            _global?.Offer(1, now);
            _virtualTime = Math.Max(_virtualTime, state.Tag);
            state.Finish = state.Tag + 1;
            state.Tag = state.Finish;
            state.LastWait = wait;
            state.LastDelivery = now;
            Volatile.Write(ref state.Delivered, state.Delivered + 1);
            if (_keyInterval > 0)
            {
                state.NextAllowed = now + _keyInterval;
                state.InCooldown = true;
                _cooldown.Enqueue(state);
            }
            else if (state.QueueLength > 0)
            {
                MakeReady(state);
            }
        }

        private KeyState<T, TKey>.Entry Take(KeyState<T, TKey> state, long now)
        {
            if (_settings.Conflate)
            {
                var latest = state.Latest;
                state.Latest = default;
                state.HasLatest = false;
                Volatile.Write(ref state.QueueLength, 0);
                return latest;
            }
            Grow(state, now);
            var entry = state.Queue!.Dequeue();
            Volatile.Write(ref state.QueueLength, state.Queue.Count);
            if (state.Threshold > _settings.IdleCapacity) state.Threshold--;
            return entry;
        }

        /// <summary>Keys whose leak interval has passed take their turn again (at the back) if they have elements.</summary>
        private void Promote(long now)
        {
            while (_cooldown.Count > 0 && _cooldown.Peek().NextAllowed <= now)
            {
                var state = _cooldown.Dequeue();
                state.InCooldown = false;
                if (state.QueueLength > 0) MakeReady(state);
            }
        }

        private void MakeReady(KeyState<T, TKey> state)
        {
            state.InReady = true;
            state.Order = ++_order;
            _ready.Push(state);
        }

        /// <summary>Wakes the bucket when the next leak can happen: a key's interval has passed and a global token is there.</summary>
        private void ArmTimer(long now)
        {
            if (_backlog == 0) return;
            long due;
            if (_ready.Count > 0) due = now;
            else if (_cooldown.Count > 0) due = _cooldown.Peek().NextAllowed;
            else return;
            if (_global is not null) due = Math.Max(due, _global.WhenAvailable(1, now));
            if (_timerArmed && _timerDue <= due) return;
            _timerArmed = true;
            _timerDue = due;
            ScheduleOnce(LeakTimer, Timestamps.ToTimeSpan(Clock, Math.Max(0, due - now)));
        }
    }
}
