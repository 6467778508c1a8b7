using System.Buffers;
using Serenity.Tickstore.Format;
using Serenity.Tickstore.Index;
using Serenity.Tickstore.Series;

namespace Serenity.Tickstore;

/// <summary>The read path: the index picks one version per date, files are checked and decoded straight into the result's columns.</summary>
public sealed partial class TickStore
{
    /// <summary>
    /// The bars of <paramref name="symbol"/> starting in [<paramref name="start"/>, <paramref name="end"/>) (UTC), as the
    /// store was at recorded time <paramref name="asOf"/> (null: now). Every file read is checked against its checksum.
    /// </summary>
    public BarSeries Select(string symbol, DateTime start, DateTime end, DateTimeOffset? asOf = null) =>
        SelectCore(BarFormat.Instance, symbol, start, end, asOf);

    /// <summary>The quotes of <paramref name="symbol"/> in [<paramref name="start"/>, <paramref name="end"/>) as of <paramref name="asOf"/>.</summary>
    public QuoteSeries SelectQuotes(string symbol, DateTime start, DateTime end, DateTimeOffset? asOf = null) =>
        SelectCore(QuoteFormat.Instance, symbol, start, end, asOf);

    private T SelectCore<T>(ISeriesFormat<T> format, string symbol, DateTime start, DateTime end, DateTimeOffset? asOf)
        where T : class
    {
        StorePaths.Validate(symbol);
        var from = Utc(start).Ticks;
        var to = Utc(end).Ticks;
        if (to <= from) return format.Create(symbol, 0);
        var firstDate = DateOnly.FromDateTime(new DateTime(from, DateTimeKind.Utc));
        var lastDate = DateOnly.FromDateTime(new DateTime(to - 1, DateTimeKind.Utc));
        var days = _index.Read(c => TickIndex.Visible(c, format.Kind, symbol, firstDate, lastDate, asOf));
        days.RemoveAll(d => d.Deleted || d.RowCount == 0);
        var n = days.Count;
        var edges = new (T Series, int Start, int Count)?[n];
        var offsets = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            var dayStart = days[i].Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks;
            var inside = dayStart >= from && dayStart + TimeSpan.TicksPerDay <= to;
            var count = days[i].RowCount;
            if (!inside)
            {
                var whole = ReadWhole(format, days[i]);
                var ts = format.Timestamps(whole);
                var lo = LowerBound(ts, from);
                count = LowerBound(ts, to) - lo;
                edges[i] = (whole, lo, count);
            }
            offsets[i + 1] = checked(offsets[i] + count);
        }
        var result = format.Create(symbol, offsets[n]);
        var middle = new List<int>(n);
        for (var i = 0; i < n; i++)
        {
            if (edges[i] is { } edge) format.Copy(edge.Series, edge.Start, result, offsets[i], edge.Count);
            else middle.Add(i);
        }
        void DecodeDay(int i)
        {
            var file = FileReading.Open(StorePaths.Full(Root, days[i].Path!), days[i].Path!, days[i].Checksum, days[i].RowCount, out var buffer);
            try
            {
                format.Decode(file, result, offsets[i]);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        if (middle.Count < 8 || Environment.ProcessorCount == 1)
        {
            foreach (var i in middle) DecodeDay(i);
        }
        else
        {
            Parallel.For(0, middle.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k => DecodeDay(middle[k]));
        }
        return result;
    }

    /// <summary>Every row of one version's file, checked.</summary>
    private T ReadWhole<T>(ISeriesFormat<T> format, VersionInfo version)
        where T : class
    {
        var file = FileReading.Open(StorePaths.Full(Root, version.Path!), version.Path!, version.Checksum, version.RowCount, out var buffer);
        try
        {
            var series = format.Create(version.Symbol, file.RowCount);
            format.Decode(file, series, 0);
            return series;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int LowerBound(ReadOnlySpan<long> sorted, long value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static DateTime Utc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => DateTime.SpecifyKind(t, DateTimeKind.Utc),
    };
}
