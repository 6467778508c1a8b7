namespace Serenity.Tickstore.Format;

/// <summary>
/// LEB128 variable-length integers (7 bits a byte, low group first, high bit = more follows) and ZigZag
/// (0, -1, 1, -2 ... map to 0, 1, 2, 3 ...), so small signed deltas take one byte.
/// </summary>
internal static class Varint
{
    /// <summary>ZigZag-encodes a signed value.</summary>
    public static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    /// <summary>Reverses <see cref="ZigZag"/>.</summary>
    public static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    /// <summary>Appends an unsigned varint.</summary>
    public static void Write(ByteBuffer buffer, ulong value)
    {
        while (value >= 0x80)
        {
            buffer.Add((byte)(value | 0x80));
            value >>= 7;
        }
        buffer.Add((byte)value);
    }

    /// <summary>Reads an unsigned varint at <paramref name="position"/> and moves past it; throws on a truncated or overlong one.</summary>
    public static ulong Read(ReadOnlySpan<byte> data, ref int position)
    {
        var b = data[position++];
        if (b < 0x80) return b;
        ulong result = b & 0x7Fu;
        var shift = 7;
        while (true)
        {
            if (shift > 63) throw new TickstoreCorruptionException("a varint is longer than 10 bytes");
            b = data[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return result;
            shift += 7;
        }
    }
}
