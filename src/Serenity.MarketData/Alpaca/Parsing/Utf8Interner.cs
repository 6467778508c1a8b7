namespace Serenity.MarketData.Alpaca.Parsing;

/// <summary>
/// Maps raw UTF-8 byte strings to one shared value each (symbols to strings, condition lists to
/// <see cref="Conditions"/>), so parsing a message costs no allocation for values seen before.
/// Bounded: past <c>capacity</c> distinct keys (garbage on the wire) new values are built and not kept.
/// Not thread-safe: one per parser.
/// </summary>
internal sealed class Utf8Interner<T>
{
    private readonly Func<ReadOnlySpan<byte>, T> _create;
    private readonly int _capacity;
    private readonly Dictionary<byte[], T> _values = new(ByteArrayComparer.Instance);
    private readonly Dictionary<byte[], T>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private readonly Dictionary<ulong, T> _short = []; // keys of up to 8 bytes (most symbols) packed into a number

    public Utf8Interner(Func<ReadOnlySpan<byte>, T> create, int capacity = 65_536)
    {
        _create = create;
        _capacity = capacity;
        _lookup = _values.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    public int Count => _values.Count + _short.Count;

    public T Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length is > 0 and <= 8)
        {
            // Zero-padded: JSON strings hold no raw NUL byte, so the packing is one-to-one.
            ulong key = 0;
            utf8.CopyTo(System.Runtime.InteropServices.MemoryMarshal.AsBytes(new Span<ulong>(ref key)));
            if (_short.TryGetValue(key, out var known)) return known;
            known = _create(utf8);
            if (Count < _capacity) _short[key] = known;
            return known;
        }
        if (_lookup.TryGetValue(utf8, out var value)) return value;
        value = _create(utf8);
        if (Count < _capacity) _values[utf8.ToArray()] = value;
        return value;
    }

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly ByteArrayComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => Hash(obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();

        // Symbols are short: a multiply-rotate over 8-byte words beats the general-purpose hashers here.
        // Not randomized, so the interner is bounded (capacity) against crafted collisions.
        private static int Hash(ReadOnlySpan<byte> bytes)
        {
            ulong hash = 0x9E3779B97F4A7C15UL ^ (ulong)bytes.Length;
            while (bytes.Length >= 8)
            {
                hash = System.Numerics.BitOperations.RotateLeft((hash ^ System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * 0xFF51AFD7ED558CCDUL, 29);
                bytes = bytes[8..];
            }
            ulong tail = 0;
            for (var i = 0; i < bytes.Length; i++) tail |= (ulong)bytes[i] << (8 * i);
            hash = (hash ^ tail) * 0xC4CEB9FE1A85EC53UL;
            return (int)(hash ^ (hash >> 32));
        }
    }
}
