namespace Serenity.MarketData;

/// <summary>
/// Best bid and offer. Sizes are as the feed gives them (round lots for US stocks, coins for crypto);
/// exchanges and tape are single-letter codes ('\0' when the feed sends none, as crypto does).
/// </summary>
public sealed record Quote(
    string Symbol,
    DateTime Timestamp,
    decimal BidPrice,
    decimal BidSize,
    decimal AskPrice,
    decimal AskSize,
    char BidExchange = '\0',
    char AskExchange = '\0',
    Conditions? Conditions = null,
    char Tape = '\0') : MarketEvent(Symbol, Timestamp)
{
    private readonly SymbolIdHint _symbolId; // out of the record's value, see MarketEvent.SymbolId

    internal override int SymbolId { get => _symbolId.Value; init => _symbolId = new SymbolIdHint(value); }

    /// <summary>The midpoint of bid and ask.</summary>
    public decimal Mid => (BidPrice + AskPrice) / 2m;
}
