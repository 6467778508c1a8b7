using System.Globalization;
using Serenity.Backtest.Report;
using Serenity.Trading;

namespace Serenity.Backtest.Tests;

/// <summary>The report adds up and holds its charts.</summary>
public sealed class ReportTests : IDisposable
{
    private readonly string _root;
    private readonly Tickstore.TickStore _store;
    private readonly string _out = Path.Combine(Path.GetTempPath(), "serenity-backtest-tests", "out-" + Guid.NewGuid().ToString("N"));

    public ReportTests() => _store = TestData.TwoSymbols(out _root);

    [Fact]
    public async Task Pnl_is_realized_plus_unrealized_and_fills_are_at_the_synthetic_quote()
    {
        var result = await BacktestRunner.RunAsync(_store, TestData.Options("AAPL", "MSFT"));
        var summary = ReportWriter.Write(result, _out);

        Assert.True(result.Trades.Count(t => t.RealizedPnl != 0m) >= 2, "the test data should close some positions");
        Assert.Equal(summary.TotalPnl, summary.RealizedPnl + summary.UnrealizedPnl);
        Assert.Equal(result.FinalPortfolio.RealizedPnl, summary.RealizedPnl);
        Assert.Equal(result.FinalPortfolio.Equity, summary.FinalEquity);
        Assert.Equal(summary.StartingCash + summary.TotalPnl, result.Equity[^1].Equity);

        // Every fill is at its minute's synthetic quote: buys at close + 1 bp, sells at close - 1 bp.
        var closes = new Dictionary<(string, DateTime), decimal>();
        foreach (var symbol in new[] { "AAPL", "MSFT" })
        {
            var series = _store.Select(symbol, TestData.Day1, TestData.Day1.AddDays(2));
            for (var i = 0; i < series.Count; i++) closes[(symbol, series.TimestampAt(i).AddMinutes(1))] = series.CloseAt(i);
        }
        foreach (var t in result.Trades)
        {
            var close = closes[(t.Fill.Symbol, t.Fill.Timestamp)];
            var expected = Math.Round(t.Fill.Side == OrderSide.Buy ? close * 1.0001m : close * 0.9999m, 4, MidpointRounding.ToEven);
            Assert.Equal(expected, t.Fill.Price);
        }

        var html = await File.ReadAllTextAsync(Path.Combine(_out, "report.html"));
        Assert.Equal(3, CountOf(html, "<svg "));
        Assert.Equal(4, CountOf(html, "<polyline ")); // equity, drawdown, VaR 95% and 99%
        Assert.Contains("id=\"trades\"", html, StringComparison.Ordinal);
        Assert.Contains(Fmt.Money(summary.TotalPnl), html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" href=", html, StringComparison.Ordinal);

        var trades = await File.ReadAllLinesAsync(Path.Combine(_out, "trades.csv"));
        Assert.Equal(result.Trades.Count + 1, trades.Length);
        var realized = trades.Skip(1).Sum(l => decimal.Parse(l.Split(',')[8], CultureInfo.InvariantCulture));
        Assert.Equal(summary.RealizedPnl, realized);
        var equity = await File.ReadAllLinesAsync(Path.Combine(_out, "equity.csv"));
        Assert.Equal(result.Minutes + 1, equity.Length);
        var json = await File.ReadAllTextAsync(Path.Combine(_out, "summary.json"));
        Assert.Contains($"\"total_pnl\": {summary.TotalPnl.ToString(CultureInfo.InvariantCulture)}", json, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }

    public void Dispose()
    {
        _store.Dispose();
        TestData.Delete(_root);
        TestData.Delete(_out);
    }
}
