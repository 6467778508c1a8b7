using Serenity.MarketData;
using Serenity.Tickstore.Format;

namespace Serenity.Tickstore.Series;

/// <summary>
/// Quotes of one symbol as columns, in time order. Prices and sizes are integers of 10^-8
/// (<see cref="ScaledDecimal"/>); exchange and tape codes are characters ('\0' = none).
/// </summary>
public sealed class QuoteSeries
{
    internal QuoteSeries(string symbol, int count)
    {
        Symbol = symbol;
        Count = count;
        TimestampColumn = new long[count];
        BidPriceColumn = new long[count];
        BidSizeColumn = new long[count];
        AskPriceColumn = new long[count];
        AskSizeColumn = new long[count];
        BidExchangeColumn = new char[count];
        AskExchangeColumn = new char[count];
        TapeColumn = new char[count];
        ConditionsColumn = new Conditions[count];
    }

    /// <summary>The symbol.</summary>
    public string Symbol { get; }

    /// <summary>Rows.</summary>
    public int Count { get; }

    internal long[] TimestampColumn { get; }

    internal long[] BidPriceColumn { get; }

    internal long[] BidSizeColumn { get; }

    internal long[] AskPriceColumn { get; }

    internal long[] AskSizeColumn { get; }

    internal char[] BidExchangeColumn { get; }

    internal char[] AskExchangeColumn { get; }

    internal char[] TapeColumn { get; }

    internal Conditions[] ConditionsColumn { get; }

    /// <summary>Quote times as UTC ticks.</summary>
    public ReadOnlySpan<long> TimestampTicks => TimestampColumn;

    /// <summary>Row <paramref name="index"/> as a <see cref="Quote"/>.</summary>
    public Quote this[int index] => new(
        Symbol,
        new DateTime(TimestampColumn[index], DateTimeKind.Utc),
        ScaledDecimal.FromScaled(BidPriceColumn[index]),
        ScaledDecimal.FromScaled(BidSizeColumn[index]),
        ScaledDecimal.FromScaled(AskPriceColumn[index]),
        ScaledDecimal.FromScaled(AskSizeColumn[index]),
        BidExchangeColumn[index],
        AskExchangeColumn[index],
        ConditionsColumn[index].Count == 0 ? null : ConditionsColumn[index],
        TapeColumn[index]);

    /// <summary>Every row as a <see cref="Quote"/>.</summary>
    public Quote[] ToQuotes()
    {
        var quotes = new Quote[Count];
        for (var i = 0; i < quotes.Length; i++) quotes[i] = this[i];
        return quotes;
    }

    /// <summary>Columns of <paramref name="quotes"/> (all of <paramref name="symbol"/>), sorted by time (stable).</summary>
    public static QuoteSeries From(string symbol, IEnumerable<Quote> quotes)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        var sorted = quotes.OrderBy(q => q.Timestamp.Ticks).ToList();
        var series = new QuoteSeries(symbol, sorted.Count);
        for (var i = 0; i < sorted.Count; i++)
        {
            var q = sorted[i];
            if (!string.Equals(q.Symbol, symbol, StringComparison.Ordinal)) throw new ArgumentException($"quote of {q.Symbol} in a series of {symbol}", nameof(quotes));
            if (q.Conditions?.Any(c => c.Contains(' ', StringComparison.Ordinal)) == true) throw new ArgumentException("a condition code contains a space", nameof(quotes));
            series.TimestampColumn[i] = q.Timestamp.ToUniversalTime().Ticks;
            series.BidPriceColumn[i] = ScaledDecimal.ToScaled(q.BidPrice, nameof(Quote.BidPrice));
            series.BidSizeColumn[i] = ScaledDecimal.ToScaled(q.BidSize, nameof(Quote.BidSize));
            series.AskPriceColumn[i] = ScaledDecimal.ToScaled(q.AskPrice, nameof(Quote.AskPrice));
            series.AskSizeColumn[i] = ScaledDecimal.ToScaled(q.AskSize, nameof(Quote.AskSize));
            series.BidExchangeColumn[i] = q.BidExchange;
            series.AskExchangeColumn[i] = q.AskExchange;
            series.TapeColumn[i] = q.Tape;
            series.ConditionsColumn[i] = q.Conditions ?? Conditions.None;
        }
        return series;
    }

    /// <summary>Copies rows into <paramref name="target"/> at <paramref name="targetIndex"/>.</summary>
    internal void CopyTo(int start, QuoteSeries target, int targetIndex, int count)
    {
        Array.Copy(TimestampColumn, start, target.TimestampColumn, targetIndex, count);
        Array.Copy(BidPriceColumn, start, target.BidPriceColumn, targetIndex, count);
        Array.Copy(BidSizeColumn, start, target.BidSizeColumn, targetIndex, count);
        Array.Copy(AskPriceColumn, start, target.AskPriceColumn, targetIndex, count);
        Array.Copy(AskSizeColumn, start, target.AskSizeColumn, targetIndex, count);
        Array.Copy(BidExchangeColumn, start, target.BidExchangeColumn, targetIndex, count);
        Array.Copy(AskExchangeColumn, start, target.AskExchangeColumn, targetIndex, count);
        Array.Copy(TapeColumn, start, target.TapeColumn, targetIndex, count);
        Array.Copy(ConditionsColumn, start, target.ConditionsColumn, targetIndex, count);
    }
}
