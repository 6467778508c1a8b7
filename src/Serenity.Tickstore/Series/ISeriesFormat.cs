using Serenity.Tickstore.Format;

namespace Serenity.Tickstore.Series;

/// <summary>How one kind of series (bars, quotes) maps to tick-file columns; lets the store stay generic.</summary>
internal interface ISeriesFormat<TSeries>
    where TSeries : class
{
    SeriesKind Kind { get; }

    TSeries Create(string symbol, int count);

    int Count(TSeries series);

    ReadOnlySpan<long> Timestamps(TSeries series);

    byte[] Encode(TSeries series);

    /// <summary>Decodes every row of <paramref name="file"/> into <paramref name="target"/> from <paramref name="offset"/>.</summary>
    void Decode(TickFileReader file, TSeries target, int offset);

    void Copy(TSeries source, int start, TSeries target, int targetIndex, int count);

    /// <summary>The stored day with <paramref name="incoming"/> added (for bars, a new bar replaces a stored one of the same start).</summary>
    TSeries Merge(TSeries stored, TSeries incoming);
}
