namespace Serenity.MarketData.Cleaning;

/// <summary>
/// Drops or repairs bad ticks (crossed or locked quotes, non-positive prices, negative sizes, timestamps far
/// from the clock or out of order beyond tolerance, unknown symbols) and counts each reason. Never throws on
/// data. One instance per stream (not thread-safe); the counters may be read from anywhere.
/// </summary>
public sealed class TickCleaner(CleaningOptions options, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly NewestTicks _newest = new();

    /// <summary>What was done, per reason.</summary>
    public CleaningCounters Counters { get; } = new();

    /// <summary>The tick as it should go on (maybe repaired), or null when dropped. Other messages pass.</summary>
    public MarketDataMessage? Clean(MarketDataMessage message)
    {
        if (message is not MarketEvent e) return message;
        var reason = Check(ref e);
        Counters.Increment(reason);
        return CleaningCounters.IsDrop(reason) ? null : e;
    }

    private CleanReason Check(ref MarketEvent e)
    {
        var repaired = CleanReason.Passed;
        var symbol = e.Symbol;
        if (symbol.AsSpan().ContainsAny(" \t") || symbol.AsSpan().IndexOfAnyInRange('a', 'z') >= 0)
        {
            symbol = symbol.Trim().ToUpperInvariant();
            if (symbol.Length == 0) return CleanReason.UnknownSymbol;
            e = e with { Symbol = symbol };
            repaired = CleanReason.RepairedSymbol;
        }
        if (options.Universe is { } universe && !universe.Contains(symbol)) return CleanReason.UnknownSymbol;
        if (options.CheckClock)
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            if (e.Timestamp > now + options.MaxFutureSkew) return CleanReason.FutureTimestamp;
            if (e.Timestamp < now - options.MaxAge) return CleanReason.StaleTimestamp;
        }
        var verdict = e switch
        {
            Quote q => CheckQuote(q),
            Trade t => CheckTrade(t),
            Bar b => CheckBar(ref e, b),
            _ => CleanReason.Passed,
        };
        return verdict == CleanReason.Passed ? repaired : verdict;
    }

    private CleanReason CheckQuote(Quote q)
    {
        if (q.BidPrice <= 0 || q.AskPrice <= 0) return CleanReason.NonPositivePrice;
        if (q.BidSize < 0 || q.AskSize < 0) return CleanReason.BadSize;
        if (q.BidPrice > q.AskPrice) return CleanReason.Crossed;
        if (q.BidPrice == q.AskPrice && !options.AllowLocked) return CleanReason.Locked;
        return InOrder(ref _newest.Of(q, trade: false), q);
    }

    private CleanReason CheckTrade(Trade t)
    {
        if (t.Price <= 0) return CleanReason.NonPositivePrice;
        if (t.Size <= 0) return CleanReason.BadSize;
        return InOrder(ref _newest.Of(t, trade: true), t);
    }

    private static CleanReason CheckBar(ref MarketEvent e, Bar b)
    {
        if (b.Open <= 0 || b.High <= 0 || b.Low <= 0 || b.Close <= 0) return CleanReason.NonPositivePrice;
        if (b.Volume < 0 || b.TradeCount < 0) return CleanReason.BadSize;
        var high = Math.Max(b.High, Math.Max(b.Open, Math.Max(b.Close, b.Low)));
        var low = Math.Min(b.Low, Math.Min(b.Open, Math.Min(b.Close, b.High)));
        if (high == b.High && low == b.Low) return CleanReason.Passed;
        e = b with { High = high, Low = low };
        return CleanReason.RepairedBarRange;
    }

    // Ticks may come a little out of order (venues report late); far out of order means a bad clock upstream.
    private CleanReason InOrder(ref long newest, MarketEvent e)
    {
        var ticks = e.Timestamp.Ticks;
        if (ticks > newest)
        {
            newest = ticks;
            return CleanReason.Passed;
        }
        return newest - ticks > options.OutOfOrderTolerance.Ticks ? CleanReason.OutOfOrder : CleanReason.Passed;
    }
}
