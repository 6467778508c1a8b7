using Serenity.MarketData;

namespace Serenity.Risk.Tests;

/// <summary>Builds minute bars for tests.</summary>
internal static class TestBars
{
    public static readonly DateTime T0 = new(2026, 3, 2, 14, 30, 0, DateTimeKind.Utc);

    public static DateTime Minute(int i) => T0.AddMinutes(i);

    public static Bar Bar(string symbol, int minute, decimal close, BarKind kind = BarKind.Minute) =>
        new(symbol, Minute(minute), close, close, close, close, 100m, 10, close, kind);

    /// <summary>Bars at minutes 0..n-1 whose closes give exactly <paramref name="returns"/> (starting at 100).</summary>
    public static List<Bar> FromReturns(string symbol, IReadOnlyList<double> returns, int firstMinute = 0)
    {
        var bars = new List<Bar> { Bar(symbol, firstMinute, 100m) };
        var close = 100m;
        for (var i = 0; i < returns.Count; i++)
        {
            close *= 1m + (decimal)returns[i];
            bars.Add(Bar(symbol, firstMinute + i + 1, close));
        }
        return bars;
    }
}
