namespace Serenity.Trading;

/// <summary>
/// A held symbol's newest quote in a portfolio, overwritten in place. Every portfolio sees every quote of the symbols it
/// holds; keeping one slot per symbol instead of a new quote object each time allocates nothing per quote, and the slot
/// (long-lived) never points at a young object, which keeps the ephemeral collections short.
/// </summary>
internal sealed class QuoteSlot(string symbol)
{
    public string Symbol { get; } = symbol;

    public decimal Bid { get; private set; }

    public decimal BidSize { get; private set; }

    public decimal Ask { get; private set; }

    public decimal AskSize { get; private set; }

    public DateTime Timestamp { get; private set; }

    public static QuoteSlot From(TickerQuote q)
    {
        var slot = new QuoteSlot(q.Symbol);
        slot.Set(q.Bid, q.BidSize, q.Ask, q.AskSize, q.Timestamp);
        return slot;
    }

    public void Set(decimal bid, decimal bidSize, decimal ask, decimal askSize, DateTime timestamp)
    {
        Bid = bid;
        BidSize = bidSize;
        Ask = ask;
        AskSize = askSize;
        Timestamp = timestamp;
    }

    /// <summary>The quote as events carry it.</summary>
    public TickerQuote ToTickerQuote() => new(Symbol, Bid, BidSize, Ask, AskSize, Timestamp);
}
