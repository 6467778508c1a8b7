using Serenity.MarketData;
using Serenity.Tickstore;
using Serenity.Tickstore.Series;

namespace Serenity.Backtest;

/// <summary>One minute of the replay: every symbol's bar that starts at <see cref="Minute"/>, in ordinal symbol order.</summary>
public sealed record MinuteBatch(DateTime Minute, IReadOnlyList<Bar> Bars);

/// <summary>
/// Reads the symbols' stored minute bars (as of a recorded time) and merges them into minutes in time order. Daily bars
/// are left out; a symbol without a bar in a minute is simply absent from that minute.
/// </summary>
public static class MinuteFeed
{
    /// <summary>Selects every symbol's bars in [from, to) as of <paramref name="asOf"/> from <paramref name="store"/>.</summary>
    public static IReadOnlyList<BarSeries> Load(TickStore store, IReadOnlyList<string> symbols, DateTime from, DateTime to, DateTimeOffset? asOf)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(symbols);
        return [.. symbols.Select(s => store.Select(s, from, to, asOf))];
    }

    /// <summary>The minutes of <paramref name="series"/> (each in time order), oldest first; symbols keep the given order.</summary>
    public static IEnumerable<MinuteBatch> Merge(IReadOnlyList<BarSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var next = new int[series.Count];
        var head = new Bar?[series.Count];
        for (var s = 0; s < series.Count; s++) head[s] = Advance(series[s], ref next[s]);
        var bars = new List<Bar>(series.Count);
        while (true)
        {
            var minute = DateTime.MaxValue;
            foreach (var bar in head)
            {
                if (bar is not null && bar.Timestamp < minute) minute = bar.Timestamp;
            }
            if (minute == DateTime.MaxValue) yield break;
            bars.Clear();
            for (var s = 0; s < series.Count; s++)
            {
                if (head[s] is not { } bar || bar.Timestamp != minute) continue;
                bars.Add(bar);
                head[s] = Advance(series[s], ref next[s]);
            }
            yield return new MinuteBatch(minute, [.. bars]);
        }
    }

    /// <summary>The next minute bar of <paramref name="series"/> from row <paramref name="row"/> on (moving past it), or null at the end.</summary>
    private static Bar? Advance(BarSeries series, ref int row)
    {
        while (row < series.Count)
        {
            var bar = series[row++];
            if (bar.Kind == BarKind.Minute) return bar;
        }
        return null;
    }
}
