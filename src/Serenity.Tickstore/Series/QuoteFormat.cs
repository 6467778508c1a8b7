using Serenity.MarketData;
using Serenity.Tickstore.Format;

namespace Serenity.Tickstore.Series;

/// <summary>Quotes in tick files: timestamp, bid/ask price and size (scaled, delta), exchanges and tape (runs), conditions (dictionary).</summary>
internal sealed class QuoteFormat : ISeriesFormat<QuoteSeries>
{
    public static readonly QuoteFormat Instance = new();

    public SeriesKind Kind => SeriesKind.Quotes;

    public QuoteSeries Create(string symbol, int count) => new(symbol, count);

    public int Count(QuoteSeries series) => series.Count;

    public ReadOnlySpan<long> Timestamps(QuoteSeries series) => series.TimestampColumn;

    public byte[] Encode(QuoteSeries series)
    {
        var writer = new TickFileWriter(SeriesKind.Quotes, series.Symbol, series.Count);
        writer.AddTimestamps(series.TimestampColumn);
        writer.AddScaled(ColumnId.BidPrice, series.BidPriceColumn);
        writer.AddScaled(ColumnId.BidSize, series.BidSizeColumn);
        writer.AddScaled(ColumnId.AskPrice, series.AskPriceColumn);
        writer.AddScaled(ColumnId.AskSize, series.AskSizeColumn);
        writer.AddRuns(ColumnId.BidExchange, Codes(series.BidExchangeColumn));
        writer.AddRuns(ColumnId.AskExchange, Codes(series.AskExchangeColumn));
        writer.AddRuns(ColumnId.Tape, Codes(series.TapeColumn));
        writer.AddStrings(ColumnId.Conditions, [.. series.ConditionsColumn.Select(c => string.Join(' ', c))]);
        var first = series.Count == 0 ? 0 : series.TimestampColumn[0];
        var last = series.Count == 0 ? 0 : series.TimestampColumn[^1];
        return writer.ToArray(first, last);
    }

    public void Decode(TickFileReader file, QuoteSeries target, int offset)
    {
        var n = file.RowCount;
        file.Decode(ColumnId.Timestamp, target.TimestampColumn.AsSpan(offset, n));
        file.Decode(ColumnId.BidPrice, target.BidPriceColumn.AsSpan(offset, n));
        file.Decode(ColumnId.BidSize, target.BidSizeColumn.AsSpan(offset, n));
        file.Decode(ColumnId.AskPrice, target.AskPriceColumn.AsSpan(offset, n));
        file.Decode(ColumnId.AskSize, target.AskSizeColumn.AsSpan(offset, n));
        file.DecodeRuns<char>(ColumnId.BidExchange, target.BidExchangeColumn.AsSpan(offset, n));
        file.DecodeRuns<char>(ColumnId.AskExchange, target.AskExchangeColumn.AsSpan(offset, n));
        file.DecodeRuns<char>(ColumnId.Tape, target.TapeColumn.AsSpan(offset, n));
        var indexes = new int[n];
        var dictionary = file.DecodeStrings(ColumnId.Conditions, indexes);
        var conditions = dictionary.Select(d => d.Length == 0 ? Conditions.None : new Conditions(d.Split(' '))).ToArray();
        for (var i = 0; i < n; i++) target.ConditionsColumn[offset + i] = conditions[indexes[i]];
    }

    public void Copy(QuoteSeries source, int start, QuoteSeries target, int targetIndex, int count) => source.CopyTo(start, target, targetIndex, count);

    public QuoteSeries Merge(QuoteSeries stored, QuoteSeries incoming) =>
        QuoteSeries.From(stored.Symbol, stored.ToQuotes().Concat(incoming.ToQuotes()));

    private static long[] Codes(char[] chars)
    {
        var codes = new long[chars.Length];
        for (var i = 0; i < codes.Length; i++) codes[i] = chars[i];
        return codes;
    }
}
