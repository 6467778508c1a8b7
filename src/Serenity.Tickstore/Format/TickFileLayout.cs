namespace Serenity.Tickstore.Format;

/// <summary>Constants of the tick-file format (version 1); the README documents the layout.</summary>
internal static class TickFileLayout
{
    /// <summary>"SRTK" in ASCII.</summary>
    public static ReadOnlySpan<byte> Magic => "SRTK"u8;

    public const ushort FormatVersion = 1;

    /// <summary>Bytes before the symbol: magic, version, kind, column count, row count, first and last timestamp, symbol length.</summary>
    public const int FixedHeaderSize = 30;

    /// <summary>Bytes of one column directory entry.</summary>
    public const int DirectoryEntrySize = 16;

    /// <summary>Bytes of the trailing CRC-32C.</summary>
    public const int TrailerSize = 4;
}

/// <summary>What a tick file holds.</summary>
public enum SeriesKind : byte
{
    /// <summary>OHLCV bars (file extension <c>.bars</c>).</summary>
    Bars = 1,

    /// <summary>Best bid/offer quotes (file extension <c>.quotes</c>).</summary>
    Quotes = 2,
}
