using Serenity.Tests.Shared;
using Serenity.MarketData.Simulation;
using Serenity.MarketData.Tests.Support;

namespace Serenity.MarketData.Tests.Simulation;

public class MarketSimulatorTests
{
    private static readonly DateTime s_start = new(2026, 1, 5, 14, 30, 0, DateTimeKind.Utc);
    private static readonly string[] s_names = ["AAPL", "MSFT", "AMD", "TSLA", "PENNY"];

    private static SimulatorOptions Options(long seed = 7) => new()
    {
        Seed = seed,
        Symbols = [.. SimulatorOptions.ForSymbols(s_names[..4], seed), new SimulatedSymbol("PENNY", 0.5m)],
        QuotesPerSecond = 1000,
    };

    [Fact]
    public void Same_seed_same_stream()
    {
        var a = new MarketSimulator(Options(), s_start).Take(20_000).ToList();
        var b = new MarketSimulator(Options(), s_start).Take(20_000).ToList();
        Assert.Equal(a, b);
        var c = new MarketSimulator(Options(seed: 8), s_start).Take(20_000).ToList();
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Quotes_are_sane_and_in_time_order()
    {
        var messages = new MarketSimulator(Options(), s_start).Take(50_000).ToList();
        var quotes = messages.OfType<Quote>().ToList();
        Assert.All(quotes, q =>
        {
            Assert.True(q.BidPrice > 0 && q.AskPrice > q.BidPrice, q.ToString());
            Assert.InRange(q.BidSize, 1, 10);
            Assert.Equal(0m, q.BidPrice % (q.BidPrice < 1 ? 0.0001m : 0.01m));
        });
        Assert.All(messages.OfType<MarketEvent>().Zip(messages.OfType<MarketEvent>().Skip(1)), p => Assert.True(p.First.Timestamp <= p.Second.Timestamp));
        Assert.Equal(s_names.Order(), quotes.Select(q => q.Symbol).Distinct().Order());
        var trades = messages.OfType<Trade>().ToList();
        Assert.InRange(trades.Count / (double)quotes.Count, 0.15, 0.25);
        Assert.Equal(trades.Select(t => t.Id), Enumerable.Range(1, trades.Count).Select(i => (long)i));
        // spreads are a few basis points, not dollars
        Assert.All(quotes.Where(q => q.BidPrice > 10), q => Assert.InRange((q.AskPrice - q.BidPrice) / q.BidPrice, 0m, 0.002m));
    }

    [Fact]
    public void Bursts_are_long_runs_of_one_symbol()
    {
        var options = Options() with { BurstProbability = 0.01, MeanBurstLength = 100 };
        var symbols = new MarketSimulator(options, s_start).Take(50_000).OfType<Quote>().Select(q => q.Symbol).ToList();
        var longest = 0;
        for (int i = 0, run = 0; i < symbols.Count; i++)
        {
            run = i > 0 && symbols[i] == symbols[i - 1] ? run + 1 : 1;
            longest = Math.Max(longest, run);
        }
        Assert.True(longest >= 50, $"longest run {longest}");
    }

    [Fact]
    public void Returns_are_correlated_as_configured()
    {
        double Correlation(double rho)
        {
            var options = new SimulatorOptions
            {
                Seed = 3,
                Symbols = [new SimulatedSymbol("A", 100, 0.5, 0.1), new SimulatedSymbol("B", 100, 0.5, 0.1)],
                QuotesPerSecond = 10,
                Correlation = rho,
                BurstProbability = 0,
                TradeProbability = 0,
            };
            // Sample both mids every simulated minute.
            var sim = new MarketSimulator(options, s_start);
            var last = new Dictionary<string, decimal>();
            var series = new List<(double A, double B)>();
            var nextSample = s_start.AddMinutes(1);
            foreach (var q in sim.Take(400_000).OfType<Quote>())
            {
                if (q.Timestamp >= nextSample && last.Count == 2)
                {
                    series.Add(((double)last["A"], (double)last["B"]));
                    nextSample = nextSample.AddMinutes(1);
                }
                last[q.Symbol] = q.Mid;
            }
            var returns = series.Zip(series.Skip(1), (p, n) => (Math.Log(n.A / p.A), Math.Log(n.B / p.B))).ToList();
            double ma = returns.Average(r => r.Item1), mb = returns.Average(r => r.Item2);
            var cov = returns.Sum(r => (r.Item1 - ma) * (r.Item2 - mb));
            return cov / Math.Sqrt(returns.Sum(r => Math.Pow(r.Item1 - ma, 2)) * returns.Sum(r => Math.Pow(r.Item2 - mb, 2)));
        }
        Assert.InRange(Correlation(0.8), 0.6, 0.95);
        Assert.InRange(Correlation(0.0), -0.2, 0.2);
    }

    [Fact]
    public void A_halt_silences_the_symbol_between_status_messages()
    {
        var options = Options() with { Scenarios = [new Halt(TimeSpan.FromSeconds(5), "AAPL", TimeSpan.FromSeconds(10))] };
        var messages = new MarketSimulator(options, s_start).Take(30_000).ToList();
        var statuses = messages.OfType<TradingStatus>().ToList();
        Assert.Equal([TradingStatus.HaltCode, TradingStatus.ResumeCode], statuses.Select(s => s.StatusCode));
        Assert.Equal([s_start.AddSeconds(5), s_start.AddSeconds(15)], statuses.Select(s => s.Timestamp));
        Assert.DoesNotContain(messages.OfType<Quote>(), q => q.Symbol == "AAPL" && q.Timestamp > s_start.AddSeconds(5) && q.Timestamp < s_start.AddSeconds(15));
        Assert.Contains(messages.OfType<Quote>(), q => q.Symbol == "AAPL" && q.Timestamp > s_start.AddSeconds(15));
    }

    [Fact]
    public void A_flash_crash_takes_prices_down_by_its_depth_and_back()
    {
        var crash = new FlashCrash(TimeSpan.FromSeconds(10), 0.2, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), "MSFT");
        var quiet = new MarketSimulator(Options(), s_start).Take(40_000).OfType<Quote>().Where(q => q.Symbol == "MSFT").ToList();
        var crashed = new MarketSimulator(Options() with { Scenarios = [crash] }, s_start).Take(40_000).OfType<Quote>().Where(q => q.Symbol == "MSFT").ToList();
        decimal MidAt(List<Quote> quotes, double seconds) => quotes.Last(q => q.Timestamp <= s_start.AddSeconds(seconds)).Mid;
        Assert.InRange(MidAt(crashed, 12) / MidAt(quiet, 12), 0.79m, 0.81m);
        Assert.InRange(MidAt(crashed, 20) / MidAt(quiet, 20), 0.999m, 1.001m);
        Assert.InRange(MidAt(crashed, 9) / MidAt(quiet, 9), 0.999m, 1.001m);
    }

    [Fact]
    public void A_gap_jumps_the_price_for_good()
    {
        var options = Options() with { Scenarios = [new Gap(TimeSpan.FromSeconds(10), -0.1, "TSLA")] };
        var quotes = new MarketSimulator(options, s_start).Take(40_000).OfType<Quote>().Where(q => q.Symbol == "TSLA").ToList();
        var before = quotes.Last(q => q.Timestamp < s_start.AddSeconds(10)).Mid;
        var after = quotes.First(q => q.Timestamp > s_start.AddSeconds(10)).Mid;
        Assert.InRange(after / before, 0.88m, 0.92m);
    }

    [Fact]
    public async Task The_paced_feed_releases_messages_as_virtual_time_passes()
    {
        var clock = new ObservedClock(new DateTimeOffset(s_start));
        var feed = new SimulatedFeed(Options() with { QuotesPerSecond = 10, BurstProbability = 0 }, clock);
        var expected = new MarketSimulator(Options() with { QuotesPerSecond = 10, BurstProbability = 0 }, s_start).Take(5).ToList();
        await using var reader = feed.ReadAllAsync().GetAsyncEnumerator();
        var got = new List<MarketDataMessage>();
        while (got.Count < 5)
        {
            var move = reader.MoveNextAsync().AsTask();
            if (!move.IsCompleted)
            {
                var due = await clock.WaitForTimerAsync(TimeSpan.Zero);
                Assert.False(move.IsCompleted);
                clock.Advance(due);
            }
            Assert.True(await move.WaitAsync(ChannelWaits.Default));
            var e = Assert.IsAssignableFrom<MarketEvent>(reader.Current);
            Assert.InRange(clock.GetUtcNow().UtcDateTime - e.Timestamp, TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
            got.Add(reader.Current);
        }
        Assert.Equal(expected, got);
    }
}
