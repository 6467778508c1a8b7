using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Serenity.Tickstore.Format;

/// <summary>
/// A tick file in memory, checked: magic, format version, CRC-32C over every byte before the trailer, and a
/// column directory that stays inside the file. Decodes columns straight into the caller's spans.
/// </summary>
internal sealed class TickFileReader
{
    private readonly byte[] _file;
    private readonly int _length;
    private readonly (ColumnId Id, ColumnEncoding Encoding, byte Decimals, int Offset, int Length)[] _columns;

    private TickFileReader(byte[] file, int length, SeriesKind kind, int rows, string symbol, uint checksum, long first, long last,
        (ColumnId, ColumnEncoding, byte, int, int)[] columns)
    {
        _file = file;
        _length = length;
        Kind = kind;
        RowCount = rows;
        Symbol = symbol;
        Checksum = checksum;
        FirstTimestamp = first;
        LastTimestamp = last;
        _columns = columns;
    }

    public SeriesKind Kind { get; }

    public int RowCount { get; }

    public string Symbol { get; }

    /// <summary>The file's CRC-32C (as the index records it).</summary>
    public uint Checksum { get; }

    public long FirstTimestamp { get; }

    public long LastTimestamp { get; }

    /// <summary>Checks and parses the first <paramref name="length"/> bytes of <paramref name="file"/>; <paramref name="name"/> goes into errors.</summary>
    public static TickFileReader Open(byte[] file, int length, string name)
    {
        var data = file.AsSpan(0, length);
        if (length < TickFileLayout.FixedHeaderSize + TickFileLayout.TrailerSize || !data[..4].SequenceEqual(TickFileLayout.Magic))
        {
            throw new TickstoreCorruptionException($"{name}: not a tick file (bad magic or too short)");
        }
        var stored = BinaryPrimitives.ReadUInt32LittleEndian(data[^TickFileLayout.TrailerSize..]);
        var actual = Crc32C.Compute(data[..^TickFileLayout.TrailerSize]);
        if (stored != actual) throw new TickstoreCorruptionException($"{name}: checksum mismatch (stored {stored:x8}, computed {actual:x8})");
        var version = BinaryPrimitives.ReadUInt16LittleEndian(data[4..]);
        if (version != TickFileLayout.FormatVersion) throw new TickstoreCorruptionException($"{name}: unsupported format version {version}");
        var kind = (SeriesKind)data[6];
        int columnCount = data[7];
        var rows = BinaryPrimitives.ReadUInt32LittleEndian(data[8..]);
        var first = BinaryPrimitives.ReadInt64LittleEndian(data[12..]);
        var last = BinaryPrimitives.ReadInt64LittleEndian(data[20..]);
        int symbolLength = BinaryPrimitives.ReadUInt16LittleEndian(data[28..]);
        var directory = TickFileLayout.FixedHeaderSize + symbolLength;
        var blocksEnd = length - TickFileLayout.TrailerSize;
        if (rows > int.MaxValue || directory + (columnCount * TickFileLayout.DirectoryEntrySize) > blocksEnd)
        {
            throw new TickstoreCorruptionException($"{name}: header out of range");
        }
        var symbol = Encoding.UTF8.GetString(data.Slice(TickFileLayout.FixedHeaderSize, symbolLength));
        var columns = new (ColumnId, ColumnEncoding, byte, int, int)[columnCount];
        for (var i = 0; i < columnCount; i++)
        {
            var entry = data.Slice(directory + (i * TickFileLayout.DirectoryEntrySize), TickFileLayout.DirectoryEntrySize);
            var offset = BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]);
            if (offset > (uint)blocksEnd || size > (uint)blocksEnd - offset || entry[2] > ScaledDecimal.Decimals)
            {
                throw new TickstoreCorruptionException($"{name}: column {i} out of range");
            }
            columns[i] = ((ColumnId)entry[0], (ColumnEncoding)entry[1], entry[2], (int)offset, (int)size);
        }
        return new TickFileReader(file, length, kind, (int)rows, symbol, stored, first, last, columns);
    }

    public bool Has(ColumnId id) => Array.FindIndex(_columns, c => c.Id == id) >= 0;

    /// <summary>Decodes an integer or scaled column into <paramref name="destination"/> (RowCount values).</summary>
    public void Decode(ColumnId id, Span<long> destination)
    {
        var (encoding, decimals, block) = Column(id);
        try
        {
            switch (encoding)
            {
                case ColumnEncoding.DeltaOfDelta:
                    ColumnCodec.DecodeDeltaOfDelta(Block(block), destination);
                    break;
                case ColumnEncoding.Delta:
                    ColumnCodec.DecodeDelta(Block(block), destination, ScaledDecimal.Power(ScaledDecimal.Decimals - decimals));
                    break;
                case ColumnEncoding.RunLength:
                    ColumnCodec.DecodeRunLength(Block(block), destination);
                    break;
                default:
                    throw new TickstoreCorruptionException($"column {id}: encoding {encoding} is not numeric");
            }
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            throw Truncated(id, e);
        }
    }

    /// <summary>Decodes a run-length column of small values (kinds, exchange codes).</summary>
    public void DecodeRuns<T>(ColumnId id, Span<T> destination)
        where T : INumberBase<T>
    {
        var (encoding, _, block) = Column(id);
        if (encoding != ColumnEncoding.RunLength) throw new TickstoreCorruptionException($"column {id}: expected run-length encoding");
        try
        {
            ColumnCodec.DecodeRunLength(Block(block), destination);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            throw Truncated(id, e);
        }
    }

    /// <summary>Decodes a dictionary column: the distinct strings and each row's index into them.</summary>
    public string[] DecodeStrings(ColumnId id, Span<int> indexes)
    {
        var (encoding, _, block) = Column(id);
        if (encoding != ColumnEncoding.Dictionary) throw new TickstoreCorruptionException($"column {id}: expected dictionary encoding");
        try
        {
            return ColumnCodec.DecodeDictionary(Block(block), indexes);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            throw Truncated(id, e);
        }
    }

    private static TickstoreCorruptionException Truncated(ColumnId id, Exception e) => new($"column {id} is truncated or malformed", e);

    private ReadOnlySpan<byte> Block((int Offset, int Length) block) => _file.AsSpan(block.Offset, block.Length);

    private (ColumnEncoding, byte, (int, int)) Column(ColumnId id)
    {
        foreach (var c in _columns)
        {
            if (c.Id == id) return (c.Encoding, c.Decimals, (c.Offset, c.Length));
        }
        throw new TickstoreCorruptionException($"{Symbol}: column {id} is missing");
    }

    internal int Length => _length;
}
