using Serenity.MarketData;
using Xunit.Abstractions;

namespace Serenity.Trading.Tests;

/// <summary>Commands and replies round-trip through their manifests (cluster mode carries them between nodes that way).</summary>
public sealed class WireSerializationTests(ITestOutputHelper output) : TradingTestBase(output)
{
    public static TheoryData<object> Samples()
    {
        var at = new DateTime(2026, 1, 5, 14, 30, 0, DateTimeKind.Utc);
        var fill = new Fill("f1", 3, "o1", "c1", "AAPL", OrderSide.Buy, 10m, 187.25m, at);
        var quote = new TickerQuote("AAPL", 187.1m, 100m, 187.3m, 200m, at);
        return new TheoryData<object>
        {
            new SubmitOrder("AAPL", OrderSide.Sell, 5m, "c9", OrderType.Limit, 190.5m, TimeInForce.Gtc),
            new OrderResult(true, "o1", "c1", fill, null, null),
            new Register("ada", "pw"),
            new LoginResult(false, "locked"),
            new AccountView("ada", true, 9000.5m, new Dictionary<string, decimal> { ["AAPL"] = 10m }, 0, false) { BuyingPower = 8000m },
            new PortfolioDelivery(4, fill, false) { CashAfter = 1.5m },
            new PortfolioView("ada", new Dictionary<string, Position> { ["AAPL"] = new("AAPL", 10m, 180m) { MarketPrice = 187m } }, 12.5m, 4),
            new QuoteReply("AAPL", quote),
            new GetQuote(),
            WakeUp.Instance,
            new GetOrders(OpenOnly: true, Limit: 5),
            new TickerView("AAPL", quote, new TickerTrade(187.2m, 50m, at), 180m, 186m, null, false),
            new BarsView("AAPL", 1, [new Bar("AAPL", at, 1m, 2m, 0.5m, 1.5m, 1000m, 12, 1.2m)]),
            new PreTradeCheckRequest("ada", "AAPL", OrderSide.Buy, 1m, 187m, 1000m, new Dictionary<string, decimal>()),
            new PreTradeCheckResult(false, "quantity", "too many"),
            new AccountUpdated("ada", 9000.5m, null, fill),
            new PortfolioUpdated(new PortfolioView("ada", new Dictionary<string, Position>(), 0m, 0)),
        };
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_command_or_reply_round_trips_through_its_manifest(object message)
    {
        var serialization = Serenity.Persistence.Persistence.Get(Sys).Serialization;
        TradingSerialization.Register(Sys); // idempotent

        var (manifest, payload) = serialization.Serialize(message);
        var back = serialization.Deserialize(manifest, payload, "wire", 0);

        Assert.StartsWith("trading.msg.", manifest, StringComparison.Ordinal);
        Assert.IsType(message.GetType(), back);
        Assert.Equal(payload, serialization.Serialize(back).Payload);
    }
}
