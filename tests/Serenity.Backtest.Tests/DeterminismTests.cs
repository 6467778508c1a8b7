using Serenity.Backtest.Report;

namespace Serenity.Backtest.Tests;

/// <summary>The same inputs give byte-identical report files.</summary>
public sealed class DeterminismTests : IDisposable
{
    private readonly string _root;
    private readonly Tickstore.TickStore _store;
    private readonly string _out = Path.Combine(Path.GetTempPath(), "serenity-backtest-tests", "out-" + Guid.NewGuid().ToString("N"));

    public DeterminismTests() => _store = TestData.TwoSymbols(out _root);

    [Fact]
    public async Task Two_runs_of_the_same_inputs_write_identical_bytes()
    {
        var options = TestData.Options("AAPL", "MSFT");
        var first = await BacktestRunner.RunAsync(_store, options);
        var second = await BacktestRunner.RunAsync(_store, options);
        ReportWriter.Write(first, Path.Combine(_out, "a"));
        ReportWriter.Write(second, Path.Combine(_out, "b"));

        Assert.Equal(180, first.Minutes);
        Assert.Equal(360, first.Bars);
        Assert.True(first.Trades.Count >= 4, $"only {first.Trades.Count} trades: the test data should make the strategy trade");
        Assert.Contains(first.Equity, e => e.Var95 > 0m);
        foreach (var name in ReportWriter.FileNames)
        {
            var a = await File.ReadAllBytesAsync(Path.Combine(_out, "a", name));
            var b = await File.ReadAllBytesAsync(Path.Combine(_out, "b", name));
            Assert.True(a.Length > 0, name);
            Assert.True(a.AsSpan().SequenceEqual(b), $"{name} differs between two runs");
        }
    }

    public void Dispose()
    {
        _store.Dispose();
        TestData.Delete(_root);
        TestData.Delete(_out);
    }
}
