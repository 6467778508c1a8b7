using Serenity.Hocon;
using Xunit.Abstractions;

namespace Serenity.Trading.Tests;

public sealed class SettingsAndSerializationTests(ITestOutputHelper output) : TradingTestBase(output)
{
    [Fact]
    public void The_reference_config_holds_the_documented_defaults()
    {
        var s = TradingSettings.From(ConfigurationFactory.Empty.WithFallback(Serenity.Actors.Settings.Reference));
        Assert.Equal(100000m, s.StartingCash);
        Assert.Equal(100_000, s.PasswordIterations);
        Assert.Equal(5, s.MaxFailedLogins);
        Assert.Equal(TimeSpan.FromMinutes(15), s.LockoutDuration);
        Assert.Equal(10000m, Entities.Settings.StartingCash); // the test override
        Assert.False(s.AllowShort);
        Assert.False(s.AllowFractional);
        Assert.Equal(TimeSpan.FromHours(21), s.SessionClose);
        Assert.Equal((500, 500, 600, 2000), (s.OrderHistorySize, s.TradeHistorySize, s.BarWindow, s.ValueHistorySize));
        Assert.Equal(TimeSpan.FromMinutes(1), s.ValueHistoryInterval);
        Assert.Contains("AAPL", s.Symbols); // the market-data symbols when the trading section names none
    }

    [Fact]
    public void Session_close_is_a_utc_time_of_day_and_a_bad_one_names_its_key()
    {
        var s = TradingSettings.From(ConfigurationFactory.ParseString("serenity.trading.session-close = \"20:30\""));
        Assert.Equal(new TimeSpan(20, 30, 0), s.SessionClose);
        Assert.Equal(new DateTime(2026, 1, 5, 20, 30, 0, DateTimeKind.Utc), s.SessionEndAfter(new DateTime(2026, 1, 5, 20, 29, 59, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2026, 1, 6, 20, 30, 0, DateTimeKind.Utc), s.SessionEndAfter(new DateTime(2026, 1, 5, 20, 30, 0, DateTimeKind.Utc)));
        var e = Assert.Throws<ConfigException>(() => TradingSettings.From(ConfigurationFactory.ParseString("serenity.trading.session-close = 4pm")));
        Assert.Equal("serenity.trading.session-close", e.Path);
        Assert.Contains("\"4pm\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshots_and_the_new_events_round_trip_through_their_manifests()
    {
        var serialization = Serenity.Persistence.Persistence.Get(Sys).Serialization;
        var order = new OrderView("u-1", "c-1", "AAPL", OrderSide.Buy, OrderType.Limit, TimeInForce.Gtc, 5m, 90m, 2m, 89.5m, OrderStatus.PartiallyFilled, T0, T0.AddMinutes(1), "why");
        var fill = new Fill("f-1", 1, "u-1", "c-1", "AAPL", OrderSide.Buy, 2m, 89.5m, T0);
        var bar = new Serenity.MarketData.Bar("AAPL", T0, 1m, 2m, 0.5m, 1.5m, 100m, 7, 1.2m);
        object[] values =
        [
            new OrderFilled(fill) { Order = order },
            new OrderAccepted(order),
            new OrderCanceled(order with { Status = OrderStatus.Expired }),
            new TickerBarRecorded(bar),
            new TickerHaltChanged(true, T0),
            new FillApplied(fill) { CashAfter = 12.5m },
            new PortfolioReset(3) { StartingCash = 10000m, Timestamp = T0 },
            new OrderForwarded("u-1", "alp-1", null, T0),
            new OrderAccepted(order with { BrokerOrderId = "alp-2", BrokerError = "none" }),
        ];
        foreach (var v in values)
        {
            var (manifest, payload) = serialization.Serialize(v);
            Assert.Equal(v, serialization.Deserialize(manifest, payload, "p", 1));
        }
        object[] snapshots =
        [
            new TickerStateSnapshot(new TickerQuote("AAPL", 1m, 2m, 3m, 4m, T0), new TickerTrade(2m, 3m, T0), [bar], true, 1.1m, T0),
            new AccountSnapshot(
                new AccountRegistered("u", "s", "h", 100_000, 10000m, T0), 2, T0, 9000m, new Dictionary<string, decimal> { ["AAPL"] = 2m },
                [new ClientOrderEntry("c-1", AccountState.SubmitOf(order), new OrderResult(true, "u-1", "c-1", fill, null, null) { Order = order })],
                [new PortfolioDelivery(1, fill, false) { CashAfter = 9000m }], 1, 1, [order], [order with { Status = OrderStatus.Filled }], [fill], ["AAPL"]),
            new PortfolioSnapshot([new Position("AAPL", 2m, 10.5m)], 1.25m, 4) { Cash = 5m, ValueHistory = [new ValuePoint(T0, 10m, 5m, 5m)] },
        ];
        foreach (var snapshot in snapshots)
        {
            var (manifest, payload) = serialization.Serialize(snapshot);
            Assert.StartsWith("trading.", manifest, StringComparison.Ordinal);
            var back = serialization.Deserialize(manifest, payload, "p", 1);
            Assert.Equal(snapshot.GetType(), back.GetType());
            Assert.Equal(payload, serialization.Serialize(back).Payload); // every member came back
        }
    }

    [Fact]
    public void Every_event_and_snapshot_round_trips_through_its_manifest()
    {
        var serialization = Serenity.Persistence.Persistence.Get(Sys).Serialization;
        var fill = new Fill("f-1", 1, "o-1", "c-1", "AAPL", OrderSide.Sell, 3m, 101.25m, T0);
        object[] values =
        [
            new TickerSnapshot(new TickerQuote("AAPL", 1.1m, 2m, 1.2m, 3m, T0)),
            new AccountRegistered("u", "salt", "hash", 100_000, 10000m, T0),
            new LoginFailed(T0),
            new LoginSucceeded(T0),
            new OrderFilled(fill),
            new OrderRejected("c-2", new SubmitOrder("AAPL", OrderSide.Buy, 1m, "c-2"), "quantity", "insufficient cash"),
            new AccountReset(2, 10000m, T0),
            new DeliveriesConfirmed(2),
            new FillApplied(fill),
            new PortfolioReset(3),
        ];
        var snapshot = new PortfolioSnapshot([new Position("AAPL", 2m, 10.5m)], 1.25m, 4);
        var (m, bytes) = serialization.Serialize(snapshot);
        var back = (PortfolioSnapshot)serialization.Deserialize(m, bytes, "p", 1);
        Assert.Equal(snapshot.Positions, back.Positions);
        Assert.Equal((snapshot.RealizedPnl, snapshot.AppliedSeq), (back.RealizedPnl, back.AppliedSeq));
        foreach (var v in values)
        {
            var (manifest, payload) = serialization.Serialize(v);
            Assert.StartsWith("trading.", manifest, StringComparison.Ordinal);
            Assert.Equal(v, serialization.Deserialize(manifest, payload, "p", 1));
        }
    }
}
