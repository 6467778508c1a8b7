using Xunit.Abstractions;

namespace Serenity.Trading.Tests;

public sealed class PortfolioValuationTests(ITestOutputHelper output)
    : TradingTestBase(output, "serenity.trading.allow-short = on\nserenity.trading.allow-fractional = on\nserenity.trading.value-history-interval = 10s")
{
    [Fact]
    public void Worked_example_through_the_entities_buys_a_partial_sell_and_a_flip_to_short_with_zero_fees()
    {
        Registered("u");
        SetQuote("AAPL", 9.90m, 10m);
        Submit("u", new SubmitOrder("AAPL", OrderSide.Buy, 100m));   // 100 @ 10
        SetQuote("AAPL", 12.90m, 13m);
        Submit("u", new SubmitOrder("AAPL", OrderSide.Buy, 50m));    // 50 @ 13: avg (1000 + 650) / 150 = 11
        SetQuote("AAPL", 12m, 12.10m);
        Submit("u", new SubmitOrder("AAPL", OrderSide.Sell, 60m));   // 60 @ 12: realized (12 - 11) x 60 = 60
        var p = Portfolio("u");
        Assert.Equal((90m, 11m, 60m), (p.Positions["AAPL"].Quantity, p.Positions["AAPL"].AverageCost, p.RealizedPnl));

        SetQuote("AAPL", 10m, 10.10m);
        Submit("u", new SubmitOrder("AAPL", OrderSide.Sell, 100m));  // close 90 @ 10: -90; open short 10 @ 10
        p = Portfolio("u");
        Assert.Equal((-10m, 10m, -30m), (p.Positions["AAPL"].Quantity, p.Positions["AAPL"].AverageCost, p.RealizedPnl));
        // cash: 10,000 - 1,000 - 650 + 720 + 1,000 = 10,070; the short is valued at the ask (10.10)
        Assert.Equal(10070m, p.Cash);
        Assert.Equal((10.10m, -101m, -1m), (p.Positions["AAPL"].MarketPrice!.Value, p.Positions["AAPL"].MarketValue!.Value, p.Positions["AAPL"].UnrealizedPnl!.Value));
        Assert.Equal((-101m, -1m, 10070m - 101m), (p.MarketValue, p.UnrealizedPnl, p.Equity));
        Assert.Equal(-10m, AskAccount<AccountView>("u", new GetAccount()).Holdings["AAPL"]);

        SetQuote("AAPL", 7.90m, 8m);
        Submit("u", new SubmitOrder("AAPL", OrderSide.Buy, 10m));    // cover @ 8: (10 - 8) x 10 = 20
        p = Portfolio("u");
        Assert.Empty(p.Positions);
        Assert.Equal(-10m, p.RealizedPnl);
        Assert.Equal(9990m, p.Cash);
        Assert.Equal(AskAccount<AccountView>("u", new GetAccount()).Cash, p.Cash);
    }

    [Fact]
    public void Longs_are_valued_at_the_bid_and_each_revaluation_is_published()
    {
        Registered("u");
        SetQuote("MSFT", 99m, 100m);
        var updates = Follow(TradingTopics.Portfolio("u"));
        Submit("u", new SubmitOrder("MSFT", OrderSide.Buy, 10m));
        var afterFill = updates.ExpectMsg<PortfolioUpdated>().Portfolio;
        Assert.Equal(9000m, afterFill.Cash);

        SetQuote("MSFT", 104m, 104.50m);
        var revalued = FishForPortfolio(updates, v => v.Positions["MSFT"].MarketPrice == 104m);
        Assert.Equal((1040m, 40m, 10040m), (revalued.MarketValue, revalued.UnrealizedPnl, revalued.Equity));
        Assert.Equal(new Position("MSFT", 10m, 100m) { MarketPrice = 104m, MarketValue = 1040m, UnrealizedPnl = 40m }, revalued.Positions["MSFT"]);

        SetQuote("MSFT", 104m, 105m); // the ask moved, not the bid: a long is not revalued
        updates.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void The_value_history_has_a_point_per_fill_and_at_most_one_per_interval_from_quotes()
    {
        Registered("u");
        SetQuote("AAPL", 99m, 100m);
        Submit("u", new SubmitOrder("AAPL", OrderSide.Buy, 10m)); // point 1: no quote followed yet, so the new position counts at cost
        var updates = Follow(TradingTopics.Portfolio("u"));
        SetQuote("AAPL", 101m, 102m);
        // Wait for this very valuation, not just any update: the fill's own update may come first, and a 101 quote
        // still on its way after the clock moves would be taken as the 10 s point.
        FishForPortfolio(updates, v => v.Positions["AAPL"].MarketPrice == 101m);
        Advance(TimeSpan.FromSeconds(10));
        SetQuote("AAPL", 103m, 104m);  // point 2 (10 s after the fill)
        FishForPortfolio(updates, v => v.Positions["AAPL"].MarketPrice == 103m);
        SetQuote("AAPL", 105m, 106m);  // too soon for another point
        FishForPortfolio(updates, v => v.Positions["AAPL"].MarketPrice == 105m);

        var history = ValueHistory("u");
        Assert.Equal(2, history.Count);
        Assert.Equal(new ValuePoint(history[0].Timestamp, 10000m, 9000m, 1000m), history[0]);
        Assert.Equal(new ValuePoint(Now, 10030m, 9000m, 1030m), history[1]);
        var later = ValueHistory("u", Now);
        Assert.Single(later);
    }

    [Fact]
    public void With_fractional_quantities_allowed_a_fraction_trades_and_average_cost_stays_exact()
    {
        Registered("u");
        SetQuote("SPY", 399m, 400m);
        Assert.Equal(0.5m, Submit("u", new SubmitOrder("SPY", OrderSide.Buy, 0.5m)).Fill!.Quantity);
        SetQuote("SPY", 409m, 410m);
        Submit("u", new SubmitOrder("SPY", OrderSide.Buy, 0.25m));
        var p = Portfolio("u").Positions["SPY"];
        Assert.Equal((0.75m, 302.5m / 0.75m), (p.Quantity, p.AverageCost)); // (200 + 102.5) / 0.75
        Assert.Equal(10000m - 302.5m, AskAccount<AccountView>("u", new GetAccount()).Cash);
    }

    [Fact]
    public void Shorts_are_valued_at_the_ask()
    {
        Registered("u");
        SetQuote("TSLA", 199m, 200m);
        Submit("u", new SubmitOrder("TSLA", OrderSide.Sell, 10m)); // short 10 @ 199 (the bid)
        SetQuote("TSLA", 180m, 181m);
        AwaitAssert(() => Assert.Equal(181m, Portfolio("u").Positions["TSLA"].MarketPrice), Bound);
        var p = Portfolio("u");
        Assert.Equal((-1810m, 180m), (p.Positions["TSLA"].MarketValue!.Value, p.Positions["TSLA"].UnrealizedPnl!.Value)); // (181 - 199) x -10
        Assert.Equal(10000m + 1990m - 1810m, p.Equity);
    }

    private static PortfolioView FishForPortfolio(Serenity.TestKit.TestProbe probe, Func<PortfolioView, bool> done)
    {
        while (true)
        {
            var v = probe.ExpectMsg<PortfolioUpdated>().Portfolio;
            if (done(v)) return v;
        }
    }
}
