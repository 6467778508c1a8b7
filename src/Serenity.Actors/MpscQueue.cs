using System.Runtime.CompilerServices;

namespace Serenity.Actors;

/// <summary>
/// Unbounded multi-producer, single-consumer FIFO queue for mailboxes.
/// A chain of ring segments with per-slot sequence numbers (Vyukov's bounded queue): producers
/// reserve a slot with one CAS, the consumer needs no atomics. A full segment is frozen and a
/// segment twice its size is linked, so steady state allocates nothing, and an actor that never
/// receives a message never allocates a segment at all (this keeps idle actors small).
/// Items from one producer stay in order: it only ever moves forward to newer segments.
/// The consumer can hand a drained large segment back (<see cref="TrimWhenEmpty"/>): without that, each
/// queue would keep the ring of its largest burst for good, and thousands of mailboxes that each saw one
/// burst add up (the market-data soak grew ~45 MiB in 2.5 minutes that way).
/// </summary>
internal sealed class MpscQueue<T>
{
    private const int InitialCapacity = 8;
    private const int MaxSegmentCapacity = 1 << 16;

    /// <summary>A drained segment larger than this is replaced by a first-size one.</summary>
    public const int TrimAbove = 64;

    private Segment? _head; // consumer side
    private Segment? _tail; // producer side

    /// <summary>Adds an item; safe from any thread.</summary>
    public void Enqueue(T item)
    {
        while (true)
        {
            var tail = Volatile.Read(ref _tail) ?? CreateFirstSegment();
            if (tail.TryEnqueue(item)) return;
            Grow(tail);
        }
    }

    /// <summary>Takes the oldest item; only the single consumer may call this.</summary>
    public bool TryDequeue(out T item)
    {
        var seg = _head ?? Volatile.Read(ref _head);
        while (seg is not null)
        {
            if (seg.TryDequeue(out item)) return true;
            var next = Volatile.Read(ref seg.Next);
            // Move on only when every slot reserved before the freeze has been taken.
            if (next is null || seg.Head != seg.FrozenTail) break;
            _head = seg = next;
        }
        item = default!;
        return false;
    }

    /// <summary>True when the consumer would find an item now; consumer side only.</summary>
    public bool HasItems
    {
        get
        {
            var seg = _head ?? Volatile.Read(ref _head);
            while (seg is not null)
            {
                if (seg.HasItem) return true;
                var next = Volatile.Read(ref seg.Next);
                if (next is null || seg.Head != seg.FrozenTail) return false;
                seg = next;
            }
            return false;
        }
    }

    /// <summary>Slots of the segment the consumer reads now (0 before the first item).</summary>
    public int ConsumerSegmentCapacity => (_head ?? Volatile.Read(ref _head))?.Capacity ?? 0;

    /// <summary>
    /// Consumer side, after <see cref="TryDequeue"/> found nothing: if the current segment is larger than
    /// <see cref="TrimAbove"/>, freezes it and links a first-size one, exactly as growing does (a producer
    /// that reserved a slot before the freeze still fills it, and the consumer takes it before moving on).
    /// </summary>
    public void TrimWhenEmpty()
    {
        var seg = _head;
        if (seg is null || seg.Capacity <= TrimAbove || Volatile.Read(ref seg.Next) is not null) return;
        lock (this)
        {
            if (!ReferenceEquals(_tail, seg)) return; // a producer has grown it meanwhile
            Link(seg, InitialCapacity);
        }
    }

    private Segment CreateFirstSegment()
    {
        lock (this)
        {
            if (_tail is null)
            {
                var s = new Segment(InitialCapacity);
                Volatile.Write(ref _head, s);
                Volatile.Write(ref _tail, s);
            }
            return _tail;
        }
    }

    private void Grow(Segment full)
    {
        lock (this)
        {
            if (!ReferenceEquals(_tail, full)) return; // another producer grew it already
            Link(full, Math.Min(full.Capacity * 2, MaxSegmentCapacity));
        }
    }

    // Under the lock: no producer reserves in `current` any more; later items go to a new segment.
    private void Link(Segment current, int capacity)
    {
        current.Freeze();
        var next = new Segment(capacity);
        Volatile.Write(ref current.Next, next);
        Volatile.Write(ref _tail, next);
    }

    private sealed class Segment
    {
        private readonly Slot[] _slots;
        private readonly int _mask;
        private QueueIndexes _indexes;
        public int FrozenTail = -1;
        public Segment? Next;

        public Segment(int capacity)
        {
            _slots = new Slot[capacity];
            _mask = capacity - 1;
            for (var i = 0; i < capacity; i++) _slots[i].Sequence = i;
        }

        public int Capacity => _slots.Length;

        /// <summary>The consumer's next position (consumer only).</summary>
        public int Head => _indexes.Head;

        public bool HasItem => Volatile.Read(ref _slots[Head & _mask].Sequence) == Head + 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryEnqueue(T item)
        {
            var slots = _slots;
            while (true)
            {
                var pos = Volatile.Read(ref _indexes.Tail);
                ref var slot = ref slots[pos & _mask];
                var diff = Volatile.Read(ref slot.Sequence) - pos;
                if (diff == 0)
                {
                    if (Interlocked.CompareExchange(ref _indexes.Tail, pos + 1, pos) == pos)
                    {
                        slot.Item = item;
                        Volatile.Write(ref slot.Sequence, pos + 1);
                        return true;
                    }
                }
                else if (diff < 0)
                {
                    return false; // full, or frozen
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryDequeue(out T item)
        {
            var head = _indexes.Head;
            ref var slot = ref _slots[head & _mask];
            if (Volatile.Read(ref slot.Sequence) != head + 1)
            {
                item = default!;
                return false;
            }
            item = slot.Item;
            slot.Item = default!;
            Volatile.Write(ref slot.Sequence, head + _slots.Length);
            _indexes.Head = head + 1;
            return true;
        }

        /// <summary>
        /// Pushes the producers' counter two laps ahead so every later reservation sees "full";
        /// FrozenTail keeps the count really reserved.
        /// </summary>
        public void Freeze()
        {
            var offset = _slots.Length * 2;
            FrozenTail = Interlocked.Add(ref _indexes.Tail, offset) - offset;
        }

        private struct Slot
        {
            public T Item;
            public int Sequence;
        }
    }
}

/// <summary>
/// A queue segment's producers' and consumer's positions, each on a cache line of its own, away from the fields both
/// only read: a message crossing cores then moves its slot's line (and the mailbox status), not also a line that the
/// consumer writes on every take and the producer on every put. Not nested in the segment: a struct inside a generic
/// type cannot have an explicit layout.
/// </summary>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit, Size = 192)]
internal struct QueueIndexes
{
    [System.Runtime.InteropServices.FieldOffset(64)]
    public int Tail;

    [System.Runtime.InteropServices.FieldOffset(128)]
    public int Head;
}
