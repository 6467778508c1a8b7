using System.Text;

namespace Serenity.Tickstore.Format;

/// <summary>Builds one tick file in memory: add the columns, then <see cref="ToArray"/>.</summary>
internal sealed class TickFileWriter(SeriesKind kind, string symbol, int rowCount)
{
    private readonly List<(ColumnId Id, ColumnEncoding Encoding, byte Decimals, byte[] Block)> _columns = [];

    public void AddTimestamps(long[] ticks) => Add(ColumnId.Timestamp, ColumnEncoding.DeltaOfDelta, 0, ticks.Length, b => ColumnCodec.EncodeDeltaOfDelta(ticks, b));

    /// <summary>A column of values scaled 10^-8; stored with only the decimals it needs.</summary>
    public void AddScaled(ColumnId id, long[] scaled)
    {
        var decimals = ScaledDecimal.DecimalsNeeded(scaled);
        var divisor = ScaledDecimal.Power(ScaledDecimal.Decimals - decimals);
        Add(id, ColumnEncoding.Delta, (byte)decimals, scaled.Length, b => ColumnCodec.EncodeDelta(scaled, divisor, b));
    }

    public void AddIntegers(ColumnId id, long[] values) => Add(id, ColumnEncoding.Delta, ScaledDecimal.Decimals, values.Length, b => ColumnCodec.EncodeDelta(values, 1, b));

    public void AddRuns(ColumnId id, long[] values) => Add(id, ColumnEncoding.RunLength, 0, values.Length, b => ColumnCodec.EncodeRunLength(values, b));

    public void AddStrings(ColumnId id, string[] values) => Add(id, ColumnEncoding.Dictionary, 0, values.Length, b => ColumnCodec.EncodeDictionary(values, b));

    /// <summary>The whole file: header, column directory, blocks, CRC-32C.</summary>
    public byte[] ToArray(long firstTimestamp, long lastTimestamp)
    {
        var symbolBytes = Encoding.UTF8.GetBytes(symbol);
        if (symbolBytes.Length > ushort.MaxValue) throw new ArgumentException("symbol too long", nameof(symbol));
        var output = new ByteBuffer(TickFileLayout.FixedHeaderSize + symbolBytes.Length + _columns.Sum(c => c.Block.Length + TickFileLayout.DirectoryEntrySize) + TickFileLayout.TrailerSize);
        output.Add(TickFileLayout.Magic);
        output.AddUInt16(TickFileLayout.FormatVersion);
        output.Add((byte)kind);
        output.Add((byte)_columns.Count);
        output.AddUInt32((uint)rowCount);
        output.AddInt64(firstTimestamp);
        output.AddInt64(lastTimestamp);
        output.AddUInt16((ushort)symbolBytes.Length);
        output.Add(symbolBytes);
        var offset = output.Length + (_columns.Count * TickFileLayout.DirectoryEntrySize);
        foreach (var (id, encoding, decimals, block) in _columns)
        {
            output.Add((byte)id);
            output.Add((byte)encoding);
            output.Add(decimals);
            output.Add(0);
            output.AddUInt32((uint)offset);
            output.AddUInt32((uint)block.Length);
            output.AddUInt32(0);
            offset += block.Length;
        }
        foreach (var column in _columns) output.Add(column.Block);
        output.AddUInt32(Crc32C.Compute(output.Written));
        return output.Written.ToArray();
    }

    private void Add(ColumnId id, ColumnEncoding encoding, byte decimals, int count, Action<ByteBuffer> encode)
    {
        if (count != rowCount) throw new ArgumentException($"column {id} has {count} values, the file {rowCount} rows");
        var block = new ByteBuffer(Math.Max(16, count * 2));
        encode(block);
        _columns.Add((id, encoding, decimals, block.Written.ToArray()));
    }
}
