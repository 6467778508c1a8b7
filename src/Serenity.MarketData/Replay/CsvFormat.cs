using System.Globalization;

namespace Serenity.MarketData.Replay;

/// <summary>
/// The CSV layouts of stored market data, told apart by their header:
/// quotes <c>timestamp,symbol,bid_price,bid_size,ask_price,ask_size[,bid_exchange,ask_exchange,conditions,tape]</c>,
/// trades <c>timestamp,symbol,price,size[,id,exchange,conditions,tape]</c>,
/// bars <c>timestamp,symbol,open,high,low,close,volume[,trade_count,vwap]</c>.
/// Timestamps are RFC-3339 UTC; conditions are space-separated codes.
/// </summary>
public static class CsvFormat
{
    /// <summary>The quote header.</summary>
    public static readonly string[] QuoteColumns = ["timestamp", "symbol", "bid_price", "bid_size", "ask_price", "ask_size", "bid_exchange", "ask_exchange", "conditions", "tape"];

    /// <summary>The trade header.</summary>
    public static readonly string[] TradeColumns = ["timestamp", "symbol", "price", "size", "id", "exchange", "conditions", "tape"];

    /// <summary>The bar header.</summary>
    public static readonly string[] BarColumns = ["timestamp", "symbol", "open", "high", "low", "close", "volume", "trade_count", "vwap"];

    /// <summary>One event as a CSV row of its kind's layout.</summary>
    public static string Row(MarketEvent e) => CsvLine.Join(e switch
    {
        Quote q => [Time(q.Timestamp), q.Symbol, Num(q.BidPrice), Num(q.BidSize), Num(q.AskPrice), Num(q.AskSize), Letter(q.BidExchange), Letter(q.AskExchange), Codes(q.Conditions), Letter(q.Tape)],
        Trade t => [Time(t.Timestamp), t.Symbol, Num(t.Price), Num(t.Size), t.Id.ToString(CultureInfo.InvariantCulture), Letter(t.Exchange), Codes(t.Conditions), Letter(t.Tape)],
        Bar b => [Time(b.Timestamp), b.Symbol, Num(b.Open), Num(b.High), Num(b.Low), Num(b.Close), Num(b.Volume), b.TradeCount.ToString(CultureInfo.InvariantCulture), Num(b.Vwap)],
        _ => throw new ArgumentException($"{e?.GetType().Name} has no CSV layout", nameof(e)),
    });

    /// <summary>The header of <paramref name="e"/>'s kind.</summary>
    public static string Header(MarketEvent e) => string.Join(',', e switch
    {
        Quote => QuoteColumns,
        Trade => TradeColumns,
        Bar => BarColumns,
        _ => throw new ArgumentException($"{e?.GetType().Name} has no CSV layout", nameof(e)),
    });

    /// <summary>Writes events of one kind (header first).</summary>
    public static void Write(TextWriter writer, IEnumerable<MarketEvent> events)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(events);
        var first = true;
        foreach (var e in events)
        {
            if (first) writer.WriteLine(Header(e));
            first = false;
            writer.WriteLine(Row(e));
        }
    }

    private static string Time(DateTime t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static string Num(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static string Letter(char c) => c == '\0' ? "" : c.ToString();

    private static string Codes(Conditions? c) => c is null ? "" : string.Join(' ', c);
}
