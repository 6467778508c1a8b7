using System.Numerics;
using System.Text;

namespace Serenity.Tickstore.Format;

/// <summary>Encodes and decodes column blocks. Decoders write straight into the caller's span.</summary>
internal static class ColumnCodec
{
    public static void EncodeDeltaOfDelta(ReadOnlySpan<long> values, ByteBuffer output)
    {
        long previous = 0, previousDelta = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (i == 0)
            {
                Varint.Write(output, Varint.ZigZag(values[0]));
            }
            else
            {
                var delta = unchecked(values[i] - previous);
                Varint.Write(output, Varint.ZigZag(unchecked(delta - previousDelta)));
                previousDelta = delta;
            }
            previous = values[i];
        }
    }

    public static void DecodeDeltaOfDelta(ReadOnlySpan<byte> block, Span<long> destination)
    {
        var position = 0;
        long value = 0, delta = 0;
        for (var i = 0; i < destination.Length; i++)
        {
            ulong raw = block[position];
            if (raw < 0x80) position++;
            else raw = Varint.Read(block, ref position);
            if (i == 0) value = Varint.UnZigZag(raw);
            else
            {
                delta = unchecked(delta + Varint.UnZigZag(raw));
                value = unchecked(value + delta);
            }
            destination[i] = value;
        }
        EnsureConsumed(block, position);
    }

    /// <summary>Deltas of <paramref name="values"/> / <paramref name="divisor"/> (every value must divide exactly).</summary>
    public static void EncodeDelta(ReadOnlySpan<long> values, long divisor, ByteBuffer output)
    {
        long previous = 0;
        foreach (var v in values)
        {
            var reduced = v / divisor;
            Varint.Write(output, Varint.ZigZag(unchecked(reduced - previous)));
            previous = reduced;
        }
    }

    public static void DecodeDelta(ReadOnlySpan<byte> block, Span<long> destination, long multiplier)
    {
        var position = 0;
        long value = 0;
        for (var i = 0; i < destination.Length; i++)
        {
            ulong raw = block[position];
            if (raw < 0x80) position++;
            else raw = Varint.Read(block, ref position);
            value = unchecked(value + Varint.UnZigZag(raw));
            destination[i] = unchecked(value * multiplier);
        }
        EnsureConsumed(block, position);
    }

    public static void EncodeRunLength(ReadOnlySpan<long> values, ByteBuffer output)
    {
        var i = 0;
        while (i < values.Length)
        {
            var run = 1;
            while (i + run < values.Length && values[i + run] == values[i]) run++;
            Varint.Write(output, Varint.ZigZag(values[i]));
            Varint.Write(output, (ulong)run);
            i += run;
        }
    }

    public static void DecodeRunLength<T>(ReadOnlySpan<byte> block, Span<T> destination)
        where T : INumberBase<T>
    {
        var position = 0;
        var filled = 0;
        while (filled < destination.Length)
        {
            var value = T.CreateTruncating(Varint.UnZigZag(Varint.Read(block, ref position)));
            var run = Varint.Read(block, ref position);
            if (run == 0 || run > (ulong)(destination.Length - filled)) throw new TickstoreCorruptionException("a run overflows the column");
            destination.Slice(filled, (int)run).Fill(value);
            filled += (int)run;
        }
        EnsureConsumed(block, position);
    }

    public static void EncodeDictionary(ReadOnlySpan<string> values, ByteBuffer output)
    {
        var indexes = new Dictionary<string, long>(StringComparer.Ordinal);
        var rows = new long[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (!indexes.TryGetValue(values[i], out var index))
            {
                index = indexes.Count;
                indexes.Add(values[i], index);
            }
            rows[i] = index;
        }
        Varint.Write(output, (ulong)indexes.Count);
        foreach (var entry in indexes.Keys)
        {
            var bytes = Encoding.UTF8.GetBytes(entry);
            Varint.Write(output, (ulong)bytes.Length);
            output.Add(bytes);
        }
        EncodeRunLength(rows, output);
    }

    /// <summary>The dictionary and the per-row indexes into it.</summary>
    public static string[] DecodeDictionary(ReadOnlySpan<byte> block, Span<int> indexes)
    {
        var position = 0;
        var count = Varint.Read(block, ref position);
        if (count > (ulong)block.Length) throw new TickstoreCorruptionException("a dictionary is larger than its block");
        var entries = new string[(int)count];
        for (var i = 0; i < entries.Length; i++)
        {
            var length = (int)Varint.Read(block, ref position);
            entries[i] = Encoding.UTF8.GetString(block.Slice(position, length));
            position += length;
        }
        DecodeRunLength(block[position..], indexes);
        foreach (var index in indexes)
        {
            if ((uint)index >= (uint)entries.Length) throw new TickstoreCorruptionException("a dictionary index is out of range");
        }
        return entries;
    }

    private static void EnsureConsumed(ReadOnlySpan<byte> block, int position)
    {
        if (position != block.Length) throw new TickstoreCorruptionException($"a column block has {block.Length - position} bytes left over");
    }
}
