namespace Serenity.Risk.Windows;

/// <summary>
/// An order-statistic treap over a fixed set of node slots (0..capacity-1), each holding one double.
/// Insert, remove and k-th smallest are O(log N) expected; nodes are ordered by (value, slot) so equal
/// values stay distinct and a slot can always be found again. Array-backed: no allocation after construction.
/// </summary>
internal sealed class OrderStatisticTree
{
    private const int Nil = -1;

    private readonly double[] _key;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly int[] _size;
    private readonly uint[] _priority;
    private readonly int[] _stack;
    private int _root = Nil;
    private uint _random = 0x9E3779B9u;

    /// <summary>Creates an empty tree for slots 0..<paramref name="capacity"/>-1.</summary>
    public OrderStatisticTree(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _key = new double[capacity];
        _left = new int[capacity];
        _right = new int[capacity];
        _size = new int[capacity];
        _priority = new uint[capacity];
        _stack = new int[capacity];
    }

    /// <summary>Number of values held.</summary>
    public int Count => _root == Nil ? 0 : _size[_root];

    /// <summary>Inserts <paramref name="value"/> into the free slot <paramref name="slot"/>.</summary>
    public void Insert(int slot, double value)
    {
        _key[slot] = value;
        _left[slot] = Nil;
        _right[slot] = Nil;
        _size[slot] = 1;
        _random ^= _random << 13;
        _random ^= _random >> 17;
        _random ^= _random << 5;
        _priority[slot] = _random;
        _root = Insert(_root, slot);
    }

    /// <summary>Removes the value held in <paramref name="slot"/> (which must be occupied).</summary>
    public void Remove(int slot) => _root = Remove(_root, slot);

    /// <summary>Empties the tree.</summary>
    public void Clear() => _root = Nil;

    /// <summary>The <paramref name="k"/>-th smallest value, 1-based (k = 1 is the minimum).</summary>
    public double KthSmallest(int k)
    {
        if (k < 1 || k > Count) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be in 1..{Count}");
        var t = _root;
        while (true)
        {
            var leftSize = SizeOf(_left[t]);
            if (k <= leftSize)
            {
                t = _left[t];
            }
            else if (k == leftSize + 1)
            {
                return _key[t];
            }
            else
            {
                k -= leftSize + 1;
                t = _right[t];
            }
        }
    }

    /// <summary>Copies the smallest values in ascending order into <paramref name="destination"/>; returns how many were copied.</summary>
    public int CopySmallest(Span<double> destination)
    {
        var written = 0;
        var depth = 0;
        var t = _root;
        while (written < destination.Length && (t != Nil || depth > 0))
        {
            if (t != Nil)
            {
                _stack[depth++] = t;
                t = _left[t];
                continue;
            }
            t = _stack[--depth];
            destination[written++] = _key[t];
            t = _right[t];
        }
        return written;
    }

    private int SizeOf(int t) => t == Nil ? 0 : _size[t];

    private void Update(int t) => _size[t] = 1 + SizeOf(_left[t]) + SizeOf(_right[t]);

    private bool Less(int a, int b) => _key[a] < _key[b] || (_key[a] == _key[b] && a < b);

    private int Insert(int t, int n)
    {
        if (t == Nil) return n;
        if (_priority[n] > _priority[t])
        {
            Split(t, n, out _left[n], out _right[n]);
            Update(n);
            return n;
        }
        if (Less(n, t)) _left[t] = Insert(_left[t], n);
        else _right[t] = Insert(_right[t], n);
        _size[t]++;
        return t;
    }

    /// <summary>Splits <paramref name="t"/> into nodes ordered before <paramref name="n"/> and after it.</summary>
    private void Split(int t, int n, out int before, out int after)
    {
        if (t == Nil)
        {
            before = Nil;
            after = Nil;
            return;
        }
        if (Less(t, n))
        {
            Split(_right[t], n, out var rest, out after);
            _right[t] = rest;
            before = t;
        }
        else
        {
            Split(_left[t], n, out before, out var rest);
            _left[t] = rest;
            after = t;
        }
        Update(t);
    }

    private int Remove(int t, int n)
    {
        if (t == n) return Merge(_left[t], _right[t]);
        if (t == Nil) throw new InvalidOperationException($"slot {n} is not in the tree");
        if (Less(n, t)) _left[t] = Remove(_left[t], n);
        else _right[t] = Remove(_right[t], n);
        _size[t]--;
        return t;
    }

    private int Merge(int a, int b)
    {
        if (a == Nil) return b;
        if (b == Nil) return a;
        if (_priority[a] > _priority[b])
        {
            _right[a] = Merge(_right[a], b);
            Update(a);
            return a;
        }
        _left[b] = Merge(a, _left[b]);
        Update(b);
        return b;
    }
}
