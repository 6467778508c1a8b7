using Serenity.Tickstore.Format;

namespace Serenity.Tickstore.Series;

/// <summary>Bars in tick files: timestamp (delta of delta), OHLC/volume/VWAP (scaled, delta), trade count (delta), kind (runs).</summary>
internal sealed class BarFormat : ISeriesFormat<BarSeries>
{
    public static readonly BarFormat Instance = new();

    public SeriesKind Kind => SeriesKind.Bars;

    public BarSeries Create(string symbol, int count) => new(symbol, count);

    public int Count(BarSeries series) => series.Count;

    public ReadOnlySpan<long> Timestamps(BarSeries series) => series.TimestampColumn;

    public byte[] Encode(BarSeries series)
    {
        var writer = new TickFileWriter(SeriesKind.Bars, series.Symbol, series.Count);
        writer.AddTimestamps(series.TimestampColumn);
        writer.AddScaled(ColumnId.Open, series.OpenColumn);
        writer.AddScaled(ColumnId.High, series.HighColumn);
        writer.AddScaled(ColumnId.Low, series.LowColumn);
        writer.AddScaled(ColumnId.Close, series.CloseColumn);
        writer.AddScaled(ColumnId.Volume, series.VolumeColumn);
        writer.AddIntegers(ColumnId.TradeCount, series.TradeCountColumn);
        writer.AddScaled(ColumnId.Vwap, series.VwapColumn);
        var kinds = new long[series.Count];
        for (var i = 0; i < kinds.Length; i++) kinds[i] = series.KindColumn[i];
        writer.AddRuns(ColumnId.BarKind, kinds);
        return writer.ToArray(First(series), Last(series));
    }

    public void Decode(TickFileReader file, BarSeries target, int offset)
    {
        var n = file.RowCount;
        file.Decode(ColumnId.Timestamp, target.TimestampColumn.AsSpan(offset, n));
        file.Decode(ColumnId.Open, target.OpenColumn.AsSpan(offset, n));
        file.Decode(ColumnId.High, target.HighColumn.AsSpan(offset, n));
        file.Decode(ColumnId.Low, target.LowColumn.AsSpan(offset, n));
        file.Decode(ColumnId.Close, target.CloseColumn.AsSpan(offset, n));
        file.Decode(ColumnId.Volume, target.VolumeColumn.AsSpan(offset, n));
        file.Decode(ColumnId.TradeCount, target.TradeCountColumn.AsSpan(offset, n));
        file.Decode(ColumnId.Vwap, target.VwapColumn.AsSpan(offset, n));
        file.DecodeRuns<byte>(ColumnId.BarKind, target.KindColumn.AsSpan(offset, n));
    }

    public void Copy(BarSeries source, int start, BarSeries target, int targetIndex, int count) => source.CopyTo(start, target, targetIndex, count);

    public BarSeries Merge(BarSeries stored, BarSeries incoming)
    {
        var byStart = new SortedDictionary<long, MarketData.Bar>();
        foreach (var bar in stored.ToBars()) byStart[bar.Timestamp.Ticks] = bar;
        foreach (var bar in incoming.ToBars()) byStart[bar.Timestamp.Ticks] = bar;
        return BarSeries.From(stored.Symbol, byStart.Values);
    }

    private static long First(BarSeries s) => s.Count == 0 ? 0 : s.TimestampColumn[0];

    private static long Last(BarSeries s) => s.Count == 0 ? 0 : s.TimestampColumn[^1];
}
