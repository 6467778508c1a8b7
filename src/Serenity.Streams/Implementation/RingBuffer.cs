using System.Runtime.CompilerServices;

namespace Serenity.Streams.Implementation;

/// <summary>
/// A FIFO of at most <see cref="MaxCapacity"/> elements that can drop at either end (Buffer's overflow
/// strategies). Its array starts small and doubles up to the maximum, so many mostly-empty buffers
/// (one per key in the fair bucket) stay cheap; once grown, it allocates nothing.
/// </summary>
internal sealed class RingBuffer<T>
{
    private T[] _items;
    private int _head;

    public RingBuffer(int maxCapacity, int initialCapacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCapacity);
        MaxCapacity = maxCapacity;
        _items = new T[Math.Max(1, Math.Min(maxCapacity, initialCapacity))];
    }

    public int MaxCapacity { get; }

    public int Count { get; private set; }

    public bool IsEmpty => Count == 0;

    public bool IsFull => Count == MaxCapacity;

    /// <summary>Adds at the tail; the caller makes room first when full.</summary>
    public void Enqueue(T item)
    {
        if (Count == _items.Length) Grow();
        var index = _head + Count;
        if (index >= _items.Length) index -= _items.Length;
        _items[index] = item;
        Count++;
    }

    /// <summary>Takes the oldest element.</summary>
    public T Dequeue()
    {
        if (Count == 0) throw new InvalidOperationException("The buffer is empty");
        var item = _items[_head];
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) _items[_head] = default!;
        if (++_head == _items.Length) _head = 0;
        Count--;
        return item;
    }

    /// <summary>The oldest element, without taking it.</summary>
    public T Peek() => Count == 0 ? throw new InvalidOperationException("The buffer is empty") : _items[_head];

    /// <summary>Drops the newest element.</summary>
    public void DropTail()
    {
        if (Count == 0) return;
        var index = _head + Count - 1;
        if (index >= _items.Length) index -= _items.Length;
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) _items[index] = default!;
        Count--;
    }

    /// <summary>Drops the oldest element.</summary>
    public void DropHead()
    {
        if (Count > 0) Dequeue();
    }

    /// <summary>Drops everything.</summary>
    /// <summary>
    /// Makes room in a full buffer the way <paramref name="strategy"/> says (drop the head, the tail or
    /// everything) and adds <paramref name="element"/>. False for strategies that do not drop from the
    /// buffer (DropNew, Backpressure, Fail): the caller handles those.
    /// </summary>
    public bool EnqueueDropping(OverflowStrategy strategy, T element)
    {
        switch (strategy)
        {
            case OverflowStrategy.DropHead:
                DropHead();
                break;
            case OverflowStrategy.DropTail:
                DropTail();
                break;
            case OverflowStrategy.DropBuffer:
                Clear();
                break;
            default:
                return false;
        }
        Enqueue(element);
        return true;
    }

    public void Clear()
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) Array.Clear(_items);
        _head = 0;
        Count = 0;
    }

    private void Grow()
    {
        var bigger = new T[Math.Min(MaxCapacity, _items.Length * 2)];
        for (var i = 0; i < Count; i++)
        {
            var index = _head + i;
            if (index >= _items.Length) index -= _items.Length;
            bigger[i] = _items[index];
        }
        _items = bigger;
        _head = 0;
    }
}
