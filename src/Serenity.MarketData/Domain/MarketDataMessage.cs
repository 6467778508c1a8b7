namespace Serenity.MarketData;

/// <summary>Anything a market-data feed delivers: data about one symbol, or a control message of the feed.</summary>
public abstract record MarketDataMessage;

/// <summary>Data about one symbol at one instant (UTC, 100 ns resolution: nanoseconds on the wire are truncated).</summary>
public abstract record MarketEvent(string Symbol, DateTime Timestamp) : MarketDataMessage
{
    /// <summary>
    /// The symbol's <see cref="SymbolIds"/> number as the parser or simulator set it (0: none). A hint for the graph's
    /// per-symbol arrays, not part of the event's value. Only quotes and trades (the graph's hot path) keep one, in a
    /// <see cref="SymbolIdHint"/> of their own: a field here would make every bar 8 bytes larger (the base's fields are
    /// padded to a whole word), and a tickstore select makes two million of them.
    /// </summary>
    internal virtual int SymbolId
    {
        get => 0;
        init { }
    }
}
