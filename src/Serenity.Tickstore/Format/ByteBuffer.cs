using System.Buffers.Binary;

namespace Serenity.Tickstore.Format;

/// <summary>A growable byte array that the file writer encodes into.</summary>
internal sealed class ByteBuffer(int capacity = 4096)
{
    private byte[] _bytes = new byte[Math.Max(16, capacity)];

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    /// <summary>Appends one byte.</summary>
    public void Add(byte value)
    {
        if (Length == _bytes.Length) Grow(1);
        _bytes[Length++] = value;
    }

    /// <summary>Appends bytes.</summary>
    public void Add(ReadOnlySpan<byte> values)
    {
        if (Length + values.Length > _bytes.Length) Grow(values.Length);
        values.CopyTo(_bytes.AsSpan(Length));
        Length += values.Length;
    }

    /// <summary>Appends a little-endian 16-bit value.</summary>
    public void AddUInt16(ushort value)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, value);
        Add(b);
    }

    /// <summary>Appends a little-endian 32-bit value.</summary>
    public void AddUInt32(uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        Add(b);
    }

    /// <summary>Appends a little-endian 64-bit value.</summary>
    public void AddInt64(long value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(b, value);
        Add(b);
    }

    /// <summary>Overwrites a 32-bit value written earlier.</summary>
    public void SetUInt32(int offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(_bytes.AsSpan(offset, 4), value);

    private void Grow(int more) => Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + more));
}
