namespace Serenity.Tickstore.Format;

/// <summary>How a column block is encoded (see the README's tick-file format).</summary>
public enum ColumnEncoding : byte
{
    /// <summary>First value, then deltas of deltas, each as a ZigZag varint: regular timestamps take one byte.</summary>
    DeltaOfDelta = 1,

    /// <summary>Each value minus the one before (the first minus 0) as a ZigZag varint, after dividing out unused decimals.</summary>
    Delta = 2,

    /// <summary>Runs: value as a ZigZag varint, then the run length as a varint.</summary>
    RunLength = 3,

    /// <summary>A dictionary of distinct strings (count, then length-prefixed UTF-8), then per-row indexes run-length encoded.</summary>
    Dictionary = 4,
}

/// <summary>Which field a column holds.</summary>
public enum ColumnId : byte
{
    /// <summary>Event time, UTC ticks (100 ns).</summary>
    Timestamp = 1,

    /// <summary>Bar open (scaled 10^-8).</summary>
    Open = 2,

    /// <summary>Bar high (scaled).</summary>
    High = 3,

    /// <summary>Bar low (scaled).</summary>
    Low = 4,

    /// <summary>Bar close (scaled).</summary>
    Close = 5,

    /// <summary>Bar volume (scaled).</summary>
    Volume = 6,

    /// <summary>Bar trade count.</summary>
    TradeCount = 7,

    /// <summary>Bar volume-weighted average price (scaled).</summary>
    Vwap = 8,

    /// <summary>Bar kind (<see cref="MarketData.BarKind"/> as a number).</summary>
    BarKind = 9,

    /// <summary>Quote bid price (scaled).</summary>
    BidPrice = 20,

    /// <summary>Quote bid size (scaled).</summary>
    BidSize = 21,

    /// <summary>Quote ask price (scaled).</summary>
    AskPrice = 22,

    /// <summary>Quote ask size (scaled).</summary>
    AskSize = 23,

    /// <summary>Quote bid exchange code (a UTF-16 code unit, 0 = none).</summary>
    BidExchange = 24,

    /// <summary>Quote ask exchange code.</summary>
    AskExchange = 25,

    /// <summary>Quote tape code.</summary>
    Tape = 26,

    /// <summary>Quote conditions: space-joined codes, dictionary encoded.</summary>
    Conditions = 27,
}
