namespace Serenity.MarketData.Alpaca.Parsing;

/// <summary>
/// A map from non-zero 64-bit keys to values, open-addressed with the entries inline: a lookup of a symbol packed
/// into a number touches one cache line where a <see cref="Dictionary{TKey, TValue}"/> touches its bucket array and
/// its entry array (with thousands of symbols both are usually out of cache). At most half full. Not thread-safe.
/// </summary>
internal sealed class ShortKeyTable<T>
{
    private Entry[] _entries = new Entry[16];
    private int _shift = 64 - 4;

    public int Count { get; private set; }

    public bool TryGetValue(ulong key, out T value)
    {
        var entries = _entries;
        var mask = entries.Length - 1;
        for (var i = Slot(key); ; i = (i + 1) & mask)
        {
            ref var entry = ref entries[i];
            if (entry.Key == key)
            {
                value = entry.Value;
                return true;
            }
            if (entry.Key == 0)
            {
                value = default!;
                return false;
            }
        }
    }

    /// <summary>Adds a key that is not in the table; <paramref name="key"/> must not be 0 (the empty mark).</summary>
    public void Add(ulong key, T value)
    {
        if ((Count + 1) * 2 > _entries.Length) Grow();
        Insert(_entries, key, value);
        Count++;
    }

    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    private void Insert(Entry[] entries, ulong key, T value)
    {
        var mask = entries.Length - 1;
        var i = Slot(key);
        while (entries[i].Key != 0) i = (i + 1) & mask;
        entries[i] = new Entry(key, value);
    }

    private void Grow()
    {
        var old = _entries;
        var entries = new Entry[old.Length * 2];
        _shift--;
        foreach (var e in old)
        {
            if (e.Key != 0) Insert(entries, e.Key, e.Value);
        }
        _entries = entries;
    }

    private readonly record struct Entry(ulong Key, T Value);
}
