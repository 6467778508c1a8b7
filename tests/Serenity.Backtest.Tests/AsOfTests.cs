using Serenity.Actors;
using Serenity.Backtest.Report;

namespace Serenity.Backtest.Tests;

/// <summary>A correction stored later does not change a backtest that reads the store as of an earlier time.</summary>
public sealed class AsOfTests : IDisposable
{
    private readonly VirtualTimeProvider _recorded = new(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly List<string> _roots = [];

    [Fact]
    public async Task A_run_as_of_before_a_correction_is_unchanged_by_it()
    {
        var store = TestData.NewStore(out var root, _recorded);
        _roots.Add(root);
        using (store)
        {
            var original = TestData.Walk("AAPL", TestData.SessionOpen, 120, seed: 5);
            store.InsertDays(original, "original");
            var options = TestData.Options("AAPL") with { AsOf = _recorded.GetUtcNow().AddHours(1) };
            var before = await ReportBytes(store, options, "before");

            _recorded.Advance(TimeSpan.FromDays(1));
            var corrected = TestData.Walk("AAPL", TestData.SessionOpen, 120, seed: 6); // a different day: a correction
            store.InsertDays(corrected, "correction");

            var after = await ReportBytes(store, options, "after");
            var latest = await ReportBytes(store, options with { AsOf = null }, "latest");
            Assert.Equal(before, after);
            Assert.NotEqual(before, latest); // the correction is visible without an as-of time
        }
    }

    private async Task<string> ReportBytes(Tickstore.TickStore store, BacktestOptions options, string name)
    {
        var result = await BacktestRunner.RunAsync(store, options);
        Assert.Equal(120, result.Minutes);
        var folder = Path.Combine(Path.GetTempPath(), "serenity-backtest-tests", "asof-" + Guid.NewGuid().ToString("N"), name);
        _roots.Add(Path.GetDirectoryName(folder)!);
        ReportWriter.Write(result, folder);
        // The market-derived files only: summary.json and report.html also echo the as-of setting.
        return string.Concat(new[] { "trades.csv", "equity.csv" }.Select(f => File.ReadAllText(Path.Combine(folder, f))));
    }

    public void Dispose()
    {
        foreach (var root in _roots) TestData.Delete(root);
    }
}
