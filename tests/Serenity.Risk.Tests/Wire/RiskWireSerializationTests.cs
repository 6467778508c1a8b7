using Serenity.Persistence.Serialization;
using Serenity.Risk.Entities;
using Serenity.Risk.Entities.Strategies;
using Serenity.Risk.Measures;
using Serenity.Risk.Strategies;
using Serenity.TestSupport.Wire;

namespace Serenity.Risk.Tests.Wire;

/// <summary>Risk and strategy commands, replies and published messages round-trip through their manifests.</summary>
public sealed class RiskWireSerializationTests
{
    private static readonly DateTime s_at = new(2026, 1, 5, 14, 30, 0, DateTimeKind.Utc);

    public static TheoryData<object> Samples()
    {
        var snapshot = Snapshot();
        var signal = new SignalView("AAPL", SmaCrossoverStrategy.StrategyName, SignalKind.Entry, s_at, 5m, "fast 1.2 > slow 1.1", "strategy-ada-1", SignalOrderStatus.Accepted, "o1", 5m, 187.2m);
        return new TheoryData<object>
        {
            GetRisk.Instance,
            GetRiskSnapshot.Instance,
            new RiskView("ada", snapshot, [new RiskHistoryPoint(s_at, 10_000m, 120.5m, 150m, 160m, 118m, 0.001)]),
            snapshot,
            new EnableStrategy("AAPL", SmaCrossoverStrategy.StrategyName, 5m),
            new DisableStrategy("AAPL"),
            GetStrategies.Instance,
            new StrategiesView("ada", [new StrategyView("AAPL", SmaCrossoverStrategy.StrategyName, 5m, true, false, 0m)]),
            new GetSignals("AAPL", 50),
            new SignalsView("ada", [signal]),
            new SignalUpdated("ada", signal with { Status = SignalOrderStatus.Rejected, RejectReason = "buying power" }),
        };
    }

    private static RiskSnapshot Snapshot()
    {
        var figures = new RiskFigures(120.5m, 150.25m, 0.012, 0.015);
        var noValue = new RiskFigures(0m, 0m, double.NaN, double.NaN); // no portfolio value yet: fractions are NaN
        return new RiskSnapshot("ada", s_at, s_at.AddSeconds(5), 390, 120, 9000.5m, 10_000m, figures, figures, figures, noValue,
            new ExposureFigures(1000m, 800m, 0.1, 0.08, "AAPL", 0.6),
            new DrawdownView(50m, 0.005, 0.001, 10_050m, 12),
            [new RiskPositionView("AAPL", 5m, 187.25m, 936.25m, 120, new PositionContribution("AAPL", 936.25m, 10m, 12m, 11m, 13m, 9m, 12.5m))],
            ["MSFT"]);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_risk_message_round_trips_through_its_manifest(object message)
    {
        var serialization = new EventSerialization();
        RiskWireSerialization.Register(serialization);

        WireRoundTrip.Assert(serialization, message, "risk.msg.");
    }

    [Fact]
    public void A_snapshot_without_a_portfolio_value_keeps_its_NaN_fractions()
    {
        var serialization = new EventSerialization();
        RiskWireSerialization.Register(serialization);
        var snapshot = Snapshot();

        var back = WireRoundTrip.Assert(serialization, snapshot, "risk.msg.");

        Assert.True(double.IsNaN(back.Parametric99.VarFraction));
        Assert.Equal(snapshot.Historical95, back.Historical95);
        Assert.Equal("MSFT", Assert.Single(back.UncoveredSymbols));
    }
}
