namespace Serenity.Streams.FairBucket;

/// <summary>
/// The keys allowed to leak now, ordered by virtual start tag, then by arrival (a binary min-heap).
/// Serving the smallest tag is start-time fair queuing: backlogged keys take strict turns, and a key
/// that has been sending more than its share waits behind keys that have not.
/// </summary>
internal sealed class ReadyHeap<T, TKey>
{
    private KeyState<T, TKey>[] _items = new KeyState<T, TKey>[16];

    public int Count { get; private set; }

    public void Push(KeyState<T, TKey> state)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Before(state, _items[parent])) break;
            _items[i] = _items[parent];
            i = parent;
        }
        _items[i] = state;
    }

    public KeyState<T, TKey> Pop()
    {
        var top = _items[0];
        var last = _items[--Count];
        _items[Count] = null!;
        if (Count > 0)
        {
            var i = 0;
            while (true)
            {
                var child = (i << 1) + 1;
                if (child >= Count) break;
                if (child + 1 < Count && Before(_items[child + 1], _items[child])) child++;
                if (!Before(_items[child], last)) break;
                _items[i] = _items[child];
                i = child;
            }
            _items[i] = last;
        }
        return top;
    }

    private static bool Before(KeyState<T, TKey> a, KeyState<T, TKey> b) => a.Tag < b.Tag || (a.Tag == b.Tag && a.Order < b.Order);
}
