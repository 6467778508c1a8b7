using Serenity.Actors;
using Serenity.MarketData;
using Serenity.Tickstore;

namespace Serenity.Backtest.Tests;

/// <summary>Deterministic minute bars (trading hours, 14:30-21:00 UTC) and throw-away tickstores.</summary>
internal static class TestData
{
    public static readonly DateTime Day1 = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc); // a Monday

    public static readonly DateTime SessionOpen = Day1.AddHours(14.5);

    /// <summary>A random walk of <paramref name="minutes"/> bars from <paramref name="start"/> (cents, seeded).</summary>
    public static List<Bar> Walk(string symbol, DateTime start, int minutes, int seed, decimal price = 100m)
    {
        var random = new Random(seed);
        var bars = new List<Bar>(minutes);
        var cents = (long)(price * 100);
        for (var m = 0; m < minutes; m++)
        {
            var open = cents;
            cents = Math.Max(100, cents + random.Next(-12, 13));
            var high = Math.Max(open, cents) + random.Next(0, 4);
            var low = Math.Min(open, cents) - random.Next(0, 4);
            bars.Add(new Bar(symbol, start.AddMinutes(m), open / 100m, high / 100m, low / 100m, cents / 100m, random.Next(100, 5000), random.Next(1, 50), (open + cents) / 200m));
        }
        return bars;
    }

    /// <summary>A fresh store under the temp folder on <paramref name="clock"/> (recorded times).</summary>
    public static TickStore NewStore(out string root, TimeProvider? clock = null)
    {
        root = Path.Combine(Path.GetTempPath(), "serenity-backtest-tests", Guid.NewGuid().ToString("N"));
        return new TickStore(new TickStoreOptions { Root = root, Clock = clock ?? new VirtualTimeProvider(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)) });
    }

    /// <summary>Two symbols, one 90-minute session each on two days.</summary>
    public static TickStore TwoSymbols(out string root)
    {
        var store = NewStore(out root);
        foreach (var (symbol, seed) in new[] { ("AAPL", 1), ("MSFT", 2) })
        {
            store.InsertDays(Walk(symbol, SessionOpen, 90, seed), "test");
            store.InsertDays(Walk(symbol, SessionOpen.AddDays(1), 90, seed + 10), "test");
        }
        return store;
    }

    public static BacktestOptions Options(params string[] symbols) => new()
    {
        Strategy = "sma-cross",
        Symbols = symbols,
        From = Day1,
        To = Day1.AddDays(2),
        Quantity = 10m,
        Cash = 100_000m,
        SpreadBasisPoints = 2m,
    };

    public static void Delete(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
