using Serenity.MarketData.Wire;
using Serenity.Persistence.Serialization;
using Serenity.TestSupport.Wire;

namespace Serenity.MarketData.Tests.Wire;

/// <summary>What the market-data graph publishes round-trips through its manifest (pub/sub carries it between nodes that way).</summary>
public sealed class MarketDataSerializationTests
{
    private static readonly DateTime s_at = new(2026, 1, 5, 14, 30, 0, 123, DateTimeKind.Utc);

    public static TheoryData<MarketEvent> Samples() => new()
    {
        new Quote("AAPL", s_at, 187.1m, 3m, 187.3m, 2m, 'Q', 'N', new Conditions(["R"]), 'C'),
        new Quote("BTC/USD", s_at, 64_000.5m, 0.25m, 64_001m, 0.5m),
        new Trade("AAPL", s_at, 187.25m, 100m, 42, 'V', new Conditions(["@", "I"]), 'C'),
        new Bar("AAPL", s_at, 1m, 2m, 0.5m, 1.5m, 1000m, 12, 1.2m, BarKind.Updated),
        new TradingStatus("AAPL", s_at, TradingStatus.HaltCode, "Trading Halt", "T1", "News pending", 'C'),
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_published_market_event_round_trips_with_every_field(MarketEvent message)
    {
        var serialization = new EventSerialization();
        MarketDataSerialization.Register(serialization);
        MarketDataSerialization.Register(serialization); // idempotent: every consumer registers

        var back = WireRoundTrip.Assert(serialization, message, "market-data.");

        // Records compare by value (Conditions by its codes): nothing was lost, the UTC kind included.
        Assert.Equal(message, back);
        Assert.Equal(DateTimeKind.Utc, back.Timestamp.Kind);
    }
}
