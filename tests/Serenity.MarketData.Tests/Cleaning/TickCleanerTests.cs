using Serenity.Tests.Shared;
using Serenity.MarketData.Cleaning;
using Serenity.MarketData.Tests.Support;

namespace Serenity.MarketData.Tests.Cleaning;

public class TickCleanerTests
{
    private static readonly DateTime s_now = new(2026, 1, 5, 14, 30, 0, DateTimeKind.Utc);
    private readonly ObservedClock _clock = new(new DateTimeOffset(s_now));

    private TickCleaner New(CleaningOptions? options = null) => new(options ?? new CleaningOptions(), _clock);

    private static Quote Q(decimal bid, decimal ask, double seconds = 0, string symbol = "AAPL", decimal bidSize = 1) =>
        new(symbol, s_now.AddSeconds(seconds), bid, bidSize, ask, 1);

    [Theory]
    [InlineData(10.01, 10.00, CleanReason.Crossed)]
    [InlineData(10.00, 10.00, CleanReason.Locked)]
    [InlineData(0, 10.00, CleanReason.NonPositivePrice)]
    [InlineData(-1, 10.00, CleanReason.NonPositivePrice)]
    [InlineData(9.99, 10.00, CleanReason.Passed)]
    public void Quotes(double bid, double ask, CleanReason expected)
    {
        var cleaner = New();
        var result = cleaner.Clean(Q((decimal)bid, (decimal)ask));
        Assert.Equal(expected == CleanReason.Passed, result is not null);
        Assert.Equal(1, cleaner.Counters[expected]);
    }

    [Fact]
    public void Locked_quotes_may_be_allowed()
    {
        Assert.NotNull(New(new CleaningOptions { AllowLocked = true }).Clean(Q(10, 10)));
    }

    [Fact]
    public void Negative_sizes_and_empty_trades_are_dropped()
    {
        var cleaner = New();
        Assert.Null(cleaner.Clean(Q(1, 2, bidSize: -1)));
        Assert.Null(cleaner.Clean(new Trade("AAPL", s_now, 10, 0)));
        Assert.Null(cleaner.Clean(new Trade("AAPL", s_now, 0, 10)));
        Assert.Equal((2L, 1L), (cleaner.Counters[CleanReason.BadSize], cleaner.Counters[CleanReason.NonPositivePrice]));
    }

    [Fact]
    public void Timestamps_far_from_the_clock_are_dropped_unless_the_check_is_off()
    {
        var cleaner = New(new CleaningOptions { MaxFutureSkew = TimeSpan.FromSeconds(5), MaxAge = TimeSpan.FromMinutes(1) });
        Assert.Null(cleaner.Clean(Q(1, 2, seconds: 6)));
        Assert.Null(cleaner.Clean(Q(1, 2, seconds: -61)));
        Assert.NotNull(cleaner.Clean(Q(1, 2, seconds: 4)));
        Assert.Equal((1L, 1L, 1L), (cleaner.Counters[CleanReason.FutureTimestamp], cleaner.Counters[CleanReason.StaleTimestamp], cleaner.Counters[CleanReason.Passed]));
        Assert.NotNull(New(new CleaningOptions { CheckClock = false }).Clean(Q(1, 2, seconds: -86_400)));
    }

    [Fact]
    public void Out_of_order_within_tolerance_passes_beyond_is_dropped_per_symbol_and_kind()
    {
        var cleaner = New(new CleaningOptions { OutOfOrderTolerance = TimeSpan.FromSeconds(2) });
        Assert.NotNull(cleaner.Clean(Q(1, 2, seconds: 3)));
        Assert.NotNull(cleaner.Clean(Q(1, 2, seconds: 1.5)));
        Assert.Null(cleaner.Clean(Q(1, 2, seconds: 0.5)));
        Assert.NotNull(cleaner.Clean(Q(1, 2, seconds: 0, symbol: "MSFT")));
        Assert.NotNull(cleaner.Clean(new Trade("AAPL", s_now, 1, 1)));
        Assert.Equal(1, cleaner.Counters[CleanReason.OutOfOrder]);
    }

    [Fact]
    public void A_quote_carrying_another_symbols_id_is_still_ordered_by_its_own_symbol()
    {
        var cleaner = New(new CleaningOptions { OutOfOrderTolerance = TimeSpan.FromSeconds(2), CheckClock = false });
        var aapl = Q(1, 2, seconds: 10) with { SymbolId = SymbolIds.Of("AAPL") };
        Assert.NotNull(cleaner.Clean(aapl));
        // MSFT made from an AAPL quote keeps AAPL's id: it must not be judged against AAPL's newest time.
        Assert.NotNull(cleaner.Clean(aapl with { Symbol = "MSFT", Timestamp = s_now }));
        Assert.Null(cleaner.Clean(aapl with { Timestamp = s_now.AddSeconds(5) }));
        Assert.Null(cleaner.Clean(aapl with { Symbol = "MSFT", Timestamp = s_now.AddSeconds(-5) }));
        Assert.Equal(2, cleaner.Counters[CleanReason.OutOfOrder]);
    }

    [Fact]
    public void A_symbols_quotes_with_its_id_without_one_or_with_a_stale_one_share_one_newest_time()
    {
        var cleaner = New(new CleaningOptions { OutOfOrderTolerance = TimeSpan.FromSeconds(2), CheckClock = false });
        var symbols = Enumerable.Range(0, 300).Select(i => "NT" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        foreach (var symbol in symbols) Assert.NotNull(cleaner.Clean(Q(1, 2, seconds: 10, symbol: symbol) with { SymbolId = SymbolIds.Of(symbol) }));
        foreach (var symbol in symbols)
        {
            var late = Q(1, 2, seconds: 5, symbol: symbol);
            Assert.Null(cleaner.Clean(late)); // no id: found by its symbol
            Assert.Null(cleaner.Clean(late with { SymbolId = SymbolIds.Of("NT-other") })); // a stale id
            Assert.Null(cleaner.Clean(late with { SymbolId = SymbolIds.Of(symbol) }));
        }
        // A symbol first met without an id, then with it: the same time.
        Assert.NotNull(cleaner.Clean(Q(1, 2, seconds: 10, symbol: "NT-late")));
        Assert.Null(cleaner.Clean(Q(1, 2, seconds: 5, symbol: "NT-late") with { SymbolId = SymbolIds.Of("NT-late") }));
        Assert.Equal(3 * symbols.Length + 1, cleaner.Counters[CleanReason.OutOfOrder]);
    }

    [Fact]
    public void Unknown_symbols_are_dropped_and_sloppy_ones_repaired()
    {
        var cleaner = New(new CleaningOptions { Universe = new HashSet<string> { "AAPL" } });
        Assert.Null(cleaner.Clean(Q(1, 2, symbol: "ZZZ")));
        Assert.Equal("AAPL", Assert.IsType<Quote>(cleaner.Clean(Q(1, 2, symbol: " aapl"))).Symbol);
        Assert.Equal((1L, 1L), (cleaner.Counters[CleanReason.UnknownSymbol], cleaner.Counters[CleanReason.RepairedSymbol]));
        Assert.Equal(1, cleaner.Counters.Dropped);
    }

    [Fact]
    public void A_bar_whose_range_misses_its_open_or_close_is_widened()
    {
        var cleaner = New();
        var bar = Assert.IsType<Bar>(cleaner.Clean(new Bar("AAPL", s_now, 10, 10.5m, 9.8m, 10.7m, 100, 3, 10.2m)));
        Assert.Equal((10.7m, 9.8m), (bar.High, bar.Low));
        Assert.Equal(1, cleaner.Counters[CleanReason.RepairedBarRange]);
    }

    [Fact]
    public void Control_messages_pass_untouched_and_nothing_ever_throws()
    {
        var cleaner = New();
        var success = new StreamSuccess("connected");
        Assert.Same(success, cleaner.Clean(success));
        var random = new Random(1);
        for (var i = 0; i < 10_000; i++)
        {
            var bid = (decimal)(random.NextDouble() * 4) - 1;
            var ask = (decimal)(random.NextDouble() * 4) - 1;
            cleaner.Clean(Q(bid, ask, random.Next(-600, 600), random.Next(3) == 0 ? " x " : "AAPL", (decimal)random.Next(-2, 5)));
        }
        Assert.Equal(10_000, Enum.GetValues<CleanReason>().Sum(r => cleaner.Counters[r]));
    }
}
