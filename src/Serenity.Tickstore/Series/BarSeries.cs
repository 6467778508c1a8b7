using Serenity.MarketData;
using Serenity.Tickstore.Format;

namespace Serenity.Tickstore.Series;

/// <summary>
/// Bars of one symbol as columns (struct of arrays), in time order: what a select returns without one object per
/// row. Prices, volumes and VWAP are kept as integers of 10^-8 (<see cref="ScaledDecimal"/>); the accessors
/// give <see cref="decimal"/>s, the <c>*Scaled</c> spans the raw integers for fast arithmetic.
/// </summary>
public sealed class BarSeries
{
    internal BarSeries(string symbol, int count)
    {
        Symbol = symbol;
        Count = count;
        TimestampColumn = GC.AllocateUninitializedArray<long>(count);
        OpenColumn = GC.AllocateUninitializedArray<long>(count);
        HighColumn = GC.AllocateUninitializedArray<long>(count);
        LowColumn = GC.AllocateUninitializedArray<long>(count);
        CloseColumn = GC.AllocateUninitializedArray<long>(count);
        VolumeColumn = GC.AllocateUninitializedArray<long>(count);
        TradeCountColumn = GC.AllocateUninitializedArray<long>(count);
        VwapColumn = GC.AllocateUninitializedArray<long>(count);
        KindColumn = GC.AllocateUninitializedArray<byte>(count);
    }

    /// <summary>The symbol.</summary>
    public string Symbol { get; }

    /// <summary>Rows.</summary>
    public int Count { get; }

    internal long[] TimestampColumn { get; }

    internal long[] OpenColumn { get; }

    internal long[] HighColumn { get; }

    internal long[] LowColumn { get; }

    internal long[] CloseColumn { get; }

    internal long[] VolumeColumn { get; }

    internal long[] TradeCountColumn { get; }

    internal long[] VwapColumn { get; }

    internal byte[] KindColumn { get; }

    /// <summary>Bar start times as UTC <see cref="DateTime.Ticks"/>.</summary>
    public ReadOnlySpan<long> TimestampTicks => TimestampColumn;

    /// <summary>Opens, scaled 10^-8.</summary>
    public ReadOnlySpan<long> OpenScaled => OpenColumn;

    /// <summary>Highs, scaled 10^-8.</summary>
    public ReadOnlySpan<long> HighScaled => HighColumn;

    /// <summary>Lows, scaled 10^-8.</summary>
    public ReadOnlySpan<long> LowScaled => LowColumn;

    /// <summary>Closes, scaled 10^-8.</summary>
    public ReadOnlySpan<long> CloseScaled => CloseColumn;

    /// <summary>Volumes, scaled 10^-8.</summary>
    public ReadOnlySpan<long> VolumeScaled => VolumeColumn;

    /// <summary>Trade counts.</summary>
    public ReadOnlySpan<long> TradeCounts => TradeCountColumn;

    /// <summary>VWAPs, scaled 10^-8.</summary>
    public ReadOnlySpan<long> VwapScaled => VwapColumn;

    /// <summary>Row <paramref name="index"/> as a <see cref="Bar"/> (allocates one object).</summary>
    public Bar this[int index] => new(
        Symbol,
        new DateTime(TimestampColumn[index], DateTimeKind.Utc),
        ScaledDecimal.FromScaled(OpenColumn[index]),
        ScaledDecimal.FromScaled(HighColumn[index]),
        ScaledDecimal.FromScaled(LowColumn[index]),
        ScaledDecimal.FromScaled(CloseColumn[index]),
        ScaledDecimal.FromScaled(VolumeColumn[index]),
        TradeCountColumn[index],
        ScaledDecimal.FromScaled(VwapColumn[index]),
        (BarKind)KindColumn[index]);

    /// <summary>The start time of row <paramref name="index"/> (UTC).</summary>
    public DateTime TimestampAt(int index) => new(TimestampColumn[index], DateTimeKind.Utc);

    /// <summary>The close of row <paramref name="index"/>.</summary>
    public decimal CloseAt(int index) => ScaledDecimal.FromScaled(CloseColumn[index]);

    /// <summary>Every row as a <see cref="Bar"/>.</summary>
    public Bar[] ToBars()
    {
        var bars = new Bar[Count];
        for (var i = 0; i < bars.Length; i++) bars[i] = this[i];
        return bars;
    }

    /// <summary>An empty series.</summary>
    public static BarSeries Empty(string symbol) => new(symbol, 0);

    /// <summary>
    /// Columns of <paramref name="bars"/> (all of <paramref name="symbol"/>), sorted by time (stable); throws naming
    /// the field of a value that does not fit the scale.
    /// </summary>
    public static BarSeries From(string symbol, IEnumerable<Bar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var sorted = bars.OrderBy(b => b.Timestamp.Ticks).ToList();
        var series = new BarSeries(symbol, sorted.Count);
        for (var i = 0; i < sorted.Count; i++)
        {
            var b = sorted[i];
            if (!string.Equals(b.Symbol, symbol, StringComparison.Ordinal)) throw new ArgumentException($"bar of {b.Symbol} in a series of {symbol}", nameof(bars));
            series.TimestampColumn[i] = b.Timestamp.ToUniversalTime().Ticks;
            series.OpenColumn[i] = ScaledDecimal.ToScaled(b.Open, nameof(Bar.Open));
            series.HighColumn[i] = ScaledDecimal.ToScaled(b.High, nameof(Bar.High));
            series.LowColumn[i] = ScaledDecimal.ToScaled(b.Low, nameof(Bar.Low));
            series.CloseColumn[i] = ScaledDecimal.ToScaled(b.Close, nameof(Bar.Close));
            series.VolumeColumn[i] = ScaledDecimal.ToScaled(b.Volume, nameof(Bar.Volume));
            series.TradeCountColumn[i] = b.TradeCount;
            series.VwapColumn[i] = ScaledDecimal.ToScaled(b.Vwap, nameof(Bar.Vwap));
            series.KindColumn[i] = (byte)b.Kind;
        }
        return series;
    }

    /// <summary>Rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) as a new series.</summary>
    internal BarSeries Slice(int start, int count)
    {
        var slice = new BarSeries(Symbol, count);
        CopyTo(start, slice, 0, count);
        return slice;
    }

    /// <summary>Copies rows into <paramref name="target"/> at <paramref name="targetIndex"/>.</summary>
    internal void CopyTo(int start, BarSeries target, int targetIndex, int count)
    {
        Array.Copy(TimestampColumn, start, target.TimestampColumn, targetIndex, count);
        Array.Copy(OpenColumn, start, target.OpenColumn, targetIndex, count);
        Array.Copy(HighColumn, start, target.HighColumn, targetIndex, count);
        Array.Copy(LowColumn, start, target.LowColumn, targetIndex, count);
        Array.Copy(CloseColumn, start, target.CloseColumn, targetIndex, count);
        Array.Copy(VolumeColumn, start, target.VolumeColumn, targetIndex, count);
        Array.Copy(TradeCountColumn, start, target.TradeCountColumn, targetIndex, count);
        Array.Copy(VwapColumn, start, target.VwapColumn, targetIndex, count);
        Array.Copy(KindColumn, start, target.KindColumn, targetIndex, count);
    }
}
