using Serenity.Tests.Shared;
using Serenity.MarketData.Replay;
using Serenity.MarketData.Simulation;
using Serenity.MarketData.Tests.Support;

namespace Serenity.MarketData.Tests.Replay;

public sealed class ReplayTests : IDisposable
{
    private static readonly DateTime s_start = new(2026, 1, 5, 14, 30, 0, DateTimeKind.Utc);
    private readonly string _dir = Directory.CreateTempSubdirectory("serenity-replay-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteCsv(string name, IEnumerable<MarketEvent> events)
    {
        var path = Path.Combine(_dir, name);
        using var writer = new StreamWriter(path);
        CsvFormat.Write(writer, events);
        return path;
    }

    private static List<MarketEvent> Simulated(int count) =>
        [.. new MarketSimulator(new SimulatorOptions { Symbols = SimulatorOptions.ForSymbols(["AAPL", "MSFT"], 1), QuotesPerSecond = 50 }, s_start)
            .Take(count).OfType<MarketEvent>()];

    [Fact]
    public void Csv_round_trips_quotes_trades_and_bars()
    {
        var events = Simulated(500);
        events.Add(new Quote("X", s_start, 1.5m, 2, 1.6m, 3, 'Q', 'P', new Conditions(["R", "@"]), 'C'));
        foreach (var kind in new[] { typeof(Quote), typeof(Trade) })
        {
            var some = events.Where(e => e.GetType() == kind).ToList();
            var path = WriteCsv(kind.Name + ".csv", some);
            using var reader = new StreamReader(path);
            Assert.Equal(some, new CsvMarketDataReader(reader).ReadAll());
        }
        var bars = new List<MarketEvent> { new Bar("SPY", s_start, 1, 2, 0.5m, 1.5m, 1000, 12, 1.25m), new Bar("SPY", s_start.AddMinutes(1), 1.5m, 2, 1, 1, 10, 1, 1.2m) };
        using var barReader = new StreamReader(WriteCsv("bars.csv", bars));
        Assert.Equal(bars, new CsvMarketDataReader(barReader).ReadAll());
    }

    [Fact]
    public void Bad_rows_are_counted_and_skipped_and_columns_may_come_in_any_order()
    {
        const string csv = """
            symbol,timestamp,price,size
            AAPL,2026-01-05T14:30:00Z,100.5,10
            AAPL,not-a-time,100.5,10
            AAPL,2026-01-05T14:30:01Z,abc,10
            ,2026-01-05T14:30:01Z,1,1
            AAPL,2026-01-05T14:30:02Z,101,"5"
            """;
        var reader = new CsvMarketDataReader(new StringReader(csv));
        var problems = new List<string>();
        reader.OnBadRow = problems.Add;
        var trades = reader.ReadAll().Cast<Trade>().ToList();
        Assert.Equal([100.5m, 101m], trades.Select(t => t.Price));
        Assert.Equal(3, reader.BadRows);
        Assert.Equal("csv:3: unreadable row", problems[0]);
    }

    [Fact]
    public async Task As_fast_as_possible_merges_files_in_time_order()
    {
        var events = Simulated(2000);
        var quotes = WriteCsv("q.csv", events.OfType<Quote>());
        var trades = WriteCsv("t.csv", events.OfType<Trade>());
        var feed = ReplayFeed.FromCsvFiles([quotes, trades], speed: 0, clock: new ObservedClock());
        var got = new List<MarketDataMessage>();
        await foreach (var m in feed.ReadAllAsync()) got.Add(m);
        Assert.Equal(events.Count, got.Count);
        Assert.Equal(events.Select(e => e.Timestamp), got.Cast<MarketEvent>().Select(e => e.Timestamp));
        Assert.Equal(events.ToHashSet(), got.Cast<MarketEvent>().ToHashSet());
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(10.0)]
    public async Task Paced_replay_keeps_the_gaps_divided_by_the_speed(double speed)
    {
        var events = new List<MarketEvent>
        {
            new Trade("A", s_start, 1, 1),
            new Trade("A", s_start.AddSeconds(2), 1, 1),
            new Trade("A", s_start.AddSeconds(12), 1, 1),
        };
        var clock = new ObservedClock();
        var t0 = clock.GetUtcNow();
        var feed = new ReplayFeed([() => events], speed, clock);
        await using var reader = feed.ReadAllAsync().GetAsyncEnumerator();
        var released = new List<TimeSpan>();
        for (var i = 0; i < events.Count; i++)
        {
            var move = reader.MoveNextAsync().AsTask();
            if (!move.IsCompleted)
            {
                var due = await clock.WaitForTimerAsync(TimeSpan.Zero);
                clock.Advance(due);
            }
            Assert.True(await move.WaitAsync(ChannelWaits.Default));
            released.Add(clock.GetUtcNow() - t0);
        }
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(2 / speed), TimeSpan.FromSeconds(12 / speed)], released);
    }
}
