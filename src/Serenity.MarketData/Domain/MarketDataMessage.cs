namespace Serenity.MarketData;

/// <summary>Anything a market-data feed delivers: data about one symbol, or a control message of the feed.</summary>
public abstract record MarketDataMessage;

/// <summary>Data about one symbol at one instant (UTC, 100 ns resolution: nanoseconds on the wire are truncated).</summary>
public abstract record MarketEvent(string Symbol, DateTime Timestamp) : MarketDataMessage
{
    /// <summary>
    /// The symbol's <see cref="SymbolIds"/> number as the parser or simulator set it (0: none). A hint for the graph's
    /// per-symbol arrays, not part of the event's value: equality, hash and text leave it out.
    /// </summary>
    internal int SymbolId { get; init; }

    /// <summary>Equal when of the same type with the same symbol, time and (in the derived type) fields; the id is left out.</summary>
    public virtual bool Equals(MarketEvent? other) =>
        ReferenceEquals(this, other) || (base.Equals(other) && Symbol == other!.Symbol && Timestamp == other.Timestamp);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Symbol, Timestamp);
}
