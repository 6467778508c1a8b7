using Serenity.MarketData;
using Serenity.Tickstore.Format;

namespace Serenity.Tickstore.Tests;

public sealed class VersioningTests : IDisposable
{
    private readonly TempStore _t = new();

    public void Dispose() => _t.Dispose();

    private TickStore Store => _t.Store;

    private static readonly DateOnly s_day = TempStore.Day;
    private static readonly DateTime s_from = s_day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    private static readonly DateTime s_to = s_from.AddDays(1);

    [Fact]
    public void A_timeline_of_corrections_reads_back_as_the_store_was_at_each_time()
    {
        var original = TempStore.Minutes("AAPL", s_day, 5);
        var t1 = _t.Clock.GetUtcNow();
        Store.Insert("AAPL", s_day, original);

        _t.Clock.Advance(TimeSpan.FromHours(1));
        var t2 = _t.Clock.GetUtcNow();
        var corrected = original.Select((b, i) => i == 2 ? b with { Close = 123.45m } : b).ToList();
        Store.Insert("AAPL", s_day, corrected, "bad print at 14:32");

        _t.Clock.Advance(TimeSpan.FromHours(1));
        var t3 = _t.Clock.GetUtcNow();
        Store.Delete("AAPL", s_day, reason: "vendor withdrew the day");

        _t.Clock.Advance(TimeSpan.FromHours(1));
        var t4 = _t.Clock.GetUtcNow();
        Store.Undelete("AAPL", s_day, reason: "vendor restored it");

        Assert.Empty(Store.Select("AAPL", s_from, s_to, t1.AddTicks(-1)).ToBars());
        Assert.Equal(original, Store.Select("AAPL", s_from, s_to, t1).ToBars());
        Assert.Equal(original, Store.Select("AAPL", s_from, s_to, t2.AddTicks(-1)).ToBars());
        Assert.Equal(corrected, Store.Select("AAPL", s_from, s_to, t2).ToBars());
        Assert.Empty(Store.Select("AAPL", s_from, s_to, t3).ToBars());
        Assert.Equal(corrected, Store.Select("AAPL", s_from, s_to, t4).ToBars());
        Assert.Equal(corrected, Store.Select("AAPL", s_from, s_to).ToBars());

        var versions = Store.Versions("AAPL", s_day);
        Assert.Equal([1, 2, 3, 4], versions.Select(v => v.Version));
        Assert.Equal([t1, t2, t3, t4], versions.Select(v => v.RecordedFrom));
        Assert.Equal([t2, t3, t4, (DateTimeOffset?)null], versions.Select(v => v.RecordedTo));
        Assert.Equal([false, false, true, false], versions.Select(v => v.Deleted));
        Assert.Null(versions[2].Path);
        Assert.Equal(versions[1].Path, versions[3].Path); // the undelete points at the data before the delete
        Assert.Equal("2024/03/04/AAPL_v0001.bars", versions[0].Path);

        var audit = Store.Audit("AAPL", s_day);
        Assert.Equal(["insert", "insert", "delete", "undelete"], audit.Select(a => a.Action));
        Assert.Equal("vendor withdrew the day", audit[2].Reason);
    }

    [Fact]
    public void Old_versions_stay_readable_after_reopening_and_old_files_are_never_touched()
    {
        var t1 = _t.Clock.GetUtcNow();
        Store.Insert("AAPL", s_day, TempStore.Minutes("AAPL", s_day, 3));
        var firstFile = Path.Combine(_t.Root, "2024/03/04/AAPL_v0001.bars");
        var bytes = File.ReadAllBytes(firstFile);
        _t.Clock.Advance(TimeSpan.FromMinutes(1));
        Store.Insert("AAPL", s_day, TempStore.Minutes("AAPL", s_day, 3, 200m));
        _t.Reopen();
        Assert.Equal(bytes, File.ReadAllBytes(firstFile));
        Assert.Equal(100m, Store.Select("AAPL", s_from, s_to, t1).CloseAt(0));
        Assert.Equal(200m, Store.Select("AAPL", s_from, s_to).CloseAt(0));
    }

    [Fact]
    public void Select_spans_days_and_cuts_the_edges_by_time_end_exclusive()
    {
        var days = Enumerable.Range(0, 12).Select(i => s_day.AddDays(i)).ToList();
        foreach (var d in days) Store.Insert("MSFT", d, TempStore.Minutes("MSFT", d, 60, 10m + d.Day, startHour: 0, startMinute: 0));
        var start = TempStore.At(days[1], 0, 30);
        var end = TempStore.At(days[10], 0, 10);
        var got = Store.Select("MSFT", start, end).ToBars();
        var expected = days.SelectMany(d => TempStore.Minutes("MSFT", d, 60, 10m + d.Day, startHour: 0, startMinute: 0)).Where(b => b.Timestamp >= start && b.Timestamp < end).ToList();
        Assert.Equal(expected, got);
        Assert.Equal(30 + (8 * 60) + 10, got.Length);
    }

    [Fact]
    public void Append_merges_into_the_day_and_a_resent_bar_replaces_the_stored_one()
    {
        var bars = TempStore.Minutes("AAPL", s_day, 4);
        Store.Append(bars.Take(2));
        Store.Append([bars[2], bars[3], bars[1] with { Close = 7m, Kind = BarKind.Updated }]);
        var got = Store.Select("AAPL", s_from, s_to).ToBars();
        Assert.Equal([bars[0], bars[1] with { Close = 7m, Kind = BarKind.Updated }, bars[2], bars[3]], got);
        Assert.Equal(2, Store.Versions("AAPL", s_day).Count);
    }

    [Fact]
    public void Bars_and_quotes_of_a_symbol_are_separate_series()
    {
        var t = TempStore.At(s_day, 14, 30);
        var quotes = new List<Quote>
        {
            new("AAPL", t, 185.1m, 2, 185.2m, 3, 'Q', 'P', new Conditions(["R", "X"]), 'C'),
            new("AAPL", t.AddMilliseconds(1), 185.11m, 0.5m, 185.2m, 1, 'Q', 'V'),
            new("AAPL", t.AddMilliseconds(1), 185.12m, 1, 185.21m, 1, 'N', 'V', new Conditions(["R", "X"])),
        };
        Store.Insert("AAPL", s_day, quotes);
        Store.Insert("AAPL", s_day, TempStore.Minutes("AAPL", s_day, 2));
        Assert.Equal(quotes, Store.SelectQuotes("AAPL", s_from, s_to).ToQuotes());
        Assert.Equal(2, Store.Select("AAPL", s_from, s_to).Count);
        Assert.Single(Store.Versions("AAPL", s_day, SeriesKind.Quotes));
        Assert.EndsWith(".quotes", Store.Versions("AAPL", s_day, SeriesKind.Quotes)[0].Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_writes_are_rejected_before_anything_is_stored()
    {
        var wrongDay = TempStore.Minutes("AAPL", s_day.AddDays(1), 1);
        Assert.Throws<ArgumentException>(() => Store.Insert("AAPL", s_day, wrongDay));
        var tooPrecise = TempStore.Minutes("AAPL", s_day, 1)[0] with { Close = 1.000000001m };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Store.Insert("AAPL", s_day, [tooPrecise]));
        Assert.Contains("Close", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Store.Insert("AAPL", s_day, [tooPrecise with { Close = 1e12m }]));
        Assert.Throws<InvalidOperationException>(() => Store.Delete("AAPL", s_day));
        Assert.Empty(Store.Versions("AAPL", s_day));
        Assert.False(Directory.Exists(Path.Combine(_t.Root, "2024")));
    }

    [Fact]
    public void Symbols_with_a_slash_get_an_escaped_file_name()
    {
        var bars = TempStore.Minutes("BTC/USD", s_day, 2, 60000.12345678m);
        Store.Insert("BTC/USD", s_day, bars);
        Assert.Equal("2024/03/04/BTC%2FUSD_v0001.bars", Store.Versions("BTC/USD", s_day)[0].Path);
        Assert.Equal(bars, Store.Select("BTC/USD", s_from, s_to).ToBars());
    }
}
