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
