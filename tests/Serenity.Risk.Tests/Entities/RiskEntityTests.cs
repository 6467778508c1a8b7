using Serenity.Actors;
using Serenity.Risk.Entities;
using Serenity.Risk.Measures;
using Serenity.Risk.Windows;
using Serenity.Trading;
using Xunit.Abstractions;

namespace Serenity.Risk.Tests.Entities;

/// <summary>The Risk entity follows real fills: windows open and close with positions, figures equal the core calculator's.</summary>
public sealed class RiskEntityTests(ITestOutputHelper output) : RiskTestBase(output)
{
    [Fact]
    public void Windows_are_seeded_from_the_tickers_bars_when_a_position_opens_and_freed_when_it_closes()
    {
        Registered("ann");
        PublishBars("AAPL", 0, Wiggly(13, 100m, 1));
        TickerHasBars("AAPL", 13);
        SetQuote("AAPL", 99m, 100m);
        Assert.Empty(RiskOf("ann").Snapshot.Positions);
        Assert.Empty(HubStats().Windows);

        Assert.True(Submit("ann", new SubmitOrder("AAPL", OrderSide.Buy, 10m)).Accepted);
        AwaitAssert(() => Assert.Equal(10, HubStats().Windows.GetValueOrDefault("AAPL")), Bound); // 12 returns stored, the newest 10 kept
        Assert.Equal(1, HubStats().Holders["AAPL"]);
        AwaitAssert(() => Assert.Equal(10, RiskOf("ann").Snapshot.ScenarioCount), Bound);
        var position = Assert.Single(RiskOf("ann").Snapshot.Positions);
        Assert.Equal(("AAPL", 10m, 10), (position.Symbol, position.Quantity, position.WindowReturns));
        Assert.Equal(Minute(12), RiskOf("ann").Snapshot.AsOf);

        PublishBars("AAPL", 13, 101m); // a new bar advances the window
        AwaitAssert(() => Assert.Equal(Minute(13), RiskOf("ann").Snapshot.AsOf), Bound);
        Assert.Equal(101m, RiskOf("ann").Snapshot.Positions[0].Price);

        Assert.True(Submit("ann", new SubmitOrder("AAPL", OrderSide.Sell, 10m)).Accepted);
        AwaitAssert(() => Assert.Empty(HubStats().Windows), Bound);
        Assert.Empty(HubStats().Holders);
        AwaitAssert(() => Assert.Empty(RiskOf("ann").Snapshot.Positions), Bound);
    }

    [Fact]
    public async Task The_hub_answers_a_stats_request_when_seeded_only_once_the_tickers_bars_are_in()
    {
        Registered("ann");
        PublishBars("AAPL", 0, Wiggly(13, 100m, 1));
        TickerHasBars("AAPL", 13);
        SetQuote("AAPL", 99m, 100m);
        RiskOf("ann"); // the Risk entity runs and follows the account

        Assert.True(Submit("ann", new SubmitOrder("AAPL", OrderSide.Buy, 10m)).Accepted);
        AwaitAssert(() => Assert.Equal(1, HubStats().Holders.GetValueOrDefault("AAPL")), Bound); // the hub tracks it (seeded or not)
        var stats = await Risk.Hub.Ask<ScenarioHubStats>(GetScenarioHubStatsWhenSeeded.Instance, Bound);

        Assert.Equal(10, stats.Windows.GetValueOrDefault("AAPL")); // never an answer while the window waits for the Ticker
    }

    [Fact]
    public void A_position_opened_before_the_risk_entity_started_is_valued_at_the_tickers_bid_not_zero()
    {
        Registered("ann");
        SetQuote("AAPL", 99m, 100m);
        Assert.True(Submit("ann", new SubmitOrder("AAPL", OrderSide.Buy, 10m)).Accepted); // no bars yet, no Risk entity yet
        AwaitAssert(() => Assert.Equal(99m, Assert.Single(RiskOf("ann").Snapshot.Positions).Price), Bound);
    }

    [Fact]
    public void A_window_shared_by_two_users_is_freed_only_when_both_have_closed()
    {
        Registered("ann");
        Registered("bob");
        PublishBars("MSFT", 0, Wiggly(5, 300m, 2));
        TickerHasBars("MSFT", 5);
        SetQuote("MSFT", 299m, 300m);
        Assert.True(Submit("ann", new SubmitOrder("MSFT", OrderSide.Buy, 1m)).Accepted);
        Assert.True(Submit("bob", new SubmitOrder("MSFT", OrderSide.Buy, 2m)).Accepted);
        RiskOf("ann");
        RiskOf("bob");
        AwaitAssert(() => Assert.Equal(2, HubStats().Holders.GetValueOrDefault("MSFT")), Bound);
        Assert.True(Submit("ann", new SubmitOrder("MSFT", OrderSide.Sell, 1m)).Accepted);
        AwaitAssert(() => Assert.Equal(1, HubStats().Holders.GetValueOrDefault("MSFT")), Bound);
        Assert.Equal(4, HubStats().Windows["MSFT"]);
        Assert.True(Submit("bob", new SubmitOrder("MSFT", OrderSide.Sell, 2m)).Accepted);
        AwaitAssert(() => Assert.False(HubStats().Windows.ContainsKey("MSFT")), Bound);
    }

    [Fact]
    public void Snapshot_figures_equal_the_core_calculator_on_the_same_bars_and_are_pushed_each_minute()
    {
        Registered("ann");
        var aapl = Wiggly(16, 100m, 3);
        var msft = Wiggly(16, 300m, 4);
        PublishBars("AAPL", 0, aapl[..15]);
        PublishBars("MSFT", 0, msft[..15]);
        TickerHasBars("AAPL", 15);
        TickerHasBars("MSFT", 15);
        SetQuote("AAPL", aapl[14] - 0.01m, aapl[14]);
        SetQuote("MSFT", msft[14] - 0.01m, msft[14]);
        Assert.True(Submit("ann", new SubmitOrder("AAPL", OrderSide.Buy, 40m)).Accepted);
        Assert.True(Submit("ann", new SubmitOrder("MSFT", OrderSide.Buy, 12m)).Accepted);
        AwaitAssert(() => Assert.Equal(10, RiskOf("ann").Snapshot.ScenarioCount), Bound);
        var cash = Ask<AccountView>(Trading.Account("ann"), new GetAccount()).Cash;
        var pushed = Follow(RiskTopics.Risk("ann"));

        PublishBars("AAPL", 15, aapl[15]);
        PublishBars("MSFT", 15, msft[15]);
        var snapshot = pushed.FishForMessage<RiskSnapshot>(s => s.AsOf == Minute(15), Bound);

        var windows = new WindowSet(10);
        windows.Seed("AAPL", aapl.Select((c, i) => TestBars.Bar("AAPL", i, c)));
        windows.Seed("MSFT", msft.Select((c, i) => TestBars.Bar("MSFT", i, c)));
        var positions = new List<RiskPosition> { new("AAPL", 40m, aapl[15]), new("MSFT", 12m, msft[15]) };
        var expected = new PortfolioRiskCalculator().Compute(windows.Scenarios(), positions, cash, includeContributions: true);
        Assert.True(expected.Historical95.Var > 0m);
        Assert.Equal(
            (expected.ScenarioCount, expected.PortfolioValue, expected.Historical95, expected.Historical99, expected.Parametric95, expected.Parametric99, expected.Exposure),
            (snapshot.ScenarioCount, snapshot.PortfolioValue, snapshot.Historical95, snapshot.Historical99, snapshot.Parametric95, snapshot.Parametric99, snapshot.Exposure));
        Assert.Equal(expected.Contributions.OrderBy(c => c.Symbol), snapshot.Positions.Select(p => p.Contribution));
        Assert.Equal(Minute(15), RiskOf("ann").History[^1].AsOf);
        Assert.Equal(snapshot.Historical95.Var, RiskOf("ann").History[^1].Var95);
        // The snapshot alone (what the backtest samples) is the view's snapshot, contributions included.
        var alone = Ask<RiskSnapshot>(Risk.Risk("ann"), GetRiskSnapshot.Instance);
        var inView = RiskOf("ann").Snapshot;
        Assert.Equal((inView.AsOf, inView.ScenarioCount, inView.PortfolioValue, inView.Historical95, inView.Historical99, inView.Parametric95),
            (alone.AsOf, alone.ScenarioCount, alone.PortfolioValue, alone.Historical95, alone.Historical99, alone.Parametric95));
        Assert.Equal(inView.Positions, alone.Positions);
    }

    [Fact]
    public void A_position_opened_within_a_minute_updates_that_minutes_chart_point_instead_of_adding_one()
    {
        Registered("ann");
        PublishBars("AAPL", 0, Wiggly(15, 100m, 6));
        PublishBars("MSFT", 0, Wiggly(15, 300m, 7));
        TickerHasBars("AAPL", 15);
        TickerHasBars("MSFT", 15);
        SetQuote("AAPL", 99m, 100m);
        SetQuote("MSFT", 299m, 300m);
        Assert.True(Submit("ann", new SubmitOrder("AAPL", OrderSide.Buy, 10m)).Accepted);
        AwaitAssert(() => Assert.Equal(Minute(14), RiskOf("ann").Snapshot.AsOf), Bound);
        var aaplOnly = RiskOf("ann").History[^1].Var95;

        Assert.True(Submit("ann", new SubmitOrder("MSFT", OrderSide.Buy, 20m)).Accepted); // its window is seeded: minute 14 again
        AwaitAssert(() => Assert.Equal(2, RiskOf("ann").Snapshot.Positions.Count(p => p.WindowReturns == 10)), Bound);

        var view = RiskOf("ann");
        Assert.Single(view.History, p => p.AsOf == Minute(14));
        Assert.Equal(view.Snapshot.Historical95.Var, view.History[^1].Var95);
        Assert.NotEqual(aaplOnly, view.History[^1].Var95);
    }

    [Fact]
    public void Drawdown_follows_the_portfolios_value_history()
    {
        Registered("ann");
        PublishBars("AAPL", 0, 100m, 101m, 102m);
        TickerHasBars("AAPL", 3);
        SetQuote("AAPL", 99m, 100m);
        Assert.True(Submit("ann", new SubmitOrder("AAPL", OrderSide.Buy, 100m)).Accepted); // equity 100,000 - 100 (bid)
        SetQuote("AAPL", 89m, 90m);
        Assert.True(Submit("ann", new SubmitOrder("AAPL", OrderSide.Sell, 100m)).Accepted); // sold at 89: equity 98,900
        var points = Ask<ValueHistoryView>(Trading.Portfolio("ann"), new GetValueHistory()).Points;
        var expected = Drawdown.Of(points.Select(p => p.Equity));
        Assert.True(expected.Amount > 0m);
        AwaitAssert(() => Assert.Equal((expected.Amount, expected.Fraction, points.Count), (RiskOf("ann").Snapshot.Drawdown.MaxAmount, RiskOf("ann").Snapshot.Drawdown.MaxFraction, RiskOf("ann").Snapshot.Drawdown.Points)), Bound);
    }
}
