using System.Net;
using Serenity.Hocon;
using Xunit.Abstractions;

namespace Serenity.Trading.Tests;

public sealed class AlpacaForwardingTests : TradingTestBase, IClassFixture<FakeAlpacaTrading>
{
    private readonly FakeAlpacaTrading _fake;

    public AlpacaForwardingTests(FakeAlpacaTrading fake, ITestOutputHelper output)
        : base(output, $"""
            serenity.trading.alpaca.forward = on
            serenity.trading.alpaca.trading-url = "{fake.BaseAddress}"
            serenity.trading.alpaca.key-id = key
            serenity.trading.alpaca.secret-key = "{FakeAlpacaTrading.Secret}"
            """)
    {
        _fake = fake;
        _fake.OrderStatus = HttpStatusCode.OK;
        _fake.Requests.Clear();
    }

    [Fact]
    public void Accepted_orders_are_forwarded_with_keys_and_string_decimals_and_alpacas_id_is_kept_on_the_order()
    {
        Registered("u");
        SetQuote("AAPL", 100m, 101m);
        var market = Submit("u", new SubmitOrder("AAPL", OrderSide.Buy, 10m));
        AwaitAssert(() => Assert.NotNull(Orders("u").Single().BrokerOrderId), Bound);
        var sent = Assert.Single(_fake.Requests);
        Assert.Equal(("POST", "/v2/orders", "key", FakeAlpacaTrading.Secret), (sent.Method, sent.Path, sent.KeyId, sent.Secret));
        var body = sent.Body!.Value;
        Assert.Equal(("AAPL", "10", "buy", "market", "day"), (body.GetProperty("symbol").GetString(), body.GetProperty("qty").GetString(),
            body.GetProperty("side").GetString(), body.GetProperty("type").GetString(), body.GetProperty("time_in_force").GetString()));
        Assert.Equal(Alpaca.AlpacaTradingClient.ClientOrderIdFor(market.OrderId!), body.GetProperty("client_order_id").GetString());
        Assert.True(body.GetProperty("client_order_id").GetString()!.Length <= 48);

        var limit = Submit("u", new SubmitOrder("AAPL", OrderSide.Buy, 2m, null, OrderType.Limit, 90.5m, TimeInForce.Gtc));
        AwaitAssert(() => Assert.NotNull(Orders("u", openOnly: true).Single().BrokerOrderId), Bound);
        var limitBody = _fake.Requests.Last().Body!.Value;
        Assert.Equal(("90.5", "gtc"), (limitBody.GetProperty("limit_price").GetString(), limitBody.GetProperty("time_in_force").GetString()));

        var brokerId = Orders("u", openOnly: true).Single().BrokerOrderId;
        Assert.Equal(CommandResult.Ok, AskAccount<CommandResult>("u", new CancelOrder(limit.OrderId!)));
        AwaitAssert(() => Assert.Contains(_fake.Requests, r => r.Method == "DELETE" && r.Path == "/v2/orders/" + brokerId), Bound);
    }

    [Fact]
    public void A_refused_forward_is_recorded_on_the_order_and_the_local_order_stands()
    {
        _fake.OrderStatus = HttpStatusCode.Forbidden;
        Registered("u");
        SetQuote("AAPL", 100m, 101m);
        Assert.True(Submit("u", new SubmitOrder("AAPL", OrderSide.Buy, 1m)).Accepted);
        AwaitAssert(() => Assert.Contains("403", Orders("u").Single().BrokerError ?? "", StringComparison.Ordinal), Bound);
        var order = Orders("u").Single();
        Assert.Null(order.BrokerOrderId);
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(9899m, AskAccount<AccountView>("u", new GetAccount()).Cash);
    }

    [Fact]
    public void Rejected_orders_are_not_forwarded_and_forwarding_is_off_without_the_switch_or_without_keys()
    {
        Registered("u");
        SetQuote("AAPL", 100m, 101m);
        Assert.False(Submit("u", new SubmitOrder("AAPL", OrderSide.Sell, 1m)).Accepted);
        Assert.Empty(_fake.Requests);
        Assert.NotNull(Entities.Settings.Alpaca);
        Assert.Null(TradingSettings.From(ConfigurationFactory.ParseString("serenity.trading.alpaca.key-id = k\nserenity.trading.alpaca.secret-key = s")).Alpaca);
        if (Environment.GetEnvironmentVariable("ALPACA_KEY_ID") is null)
            Assert.Null(TradingSettings.From(ConfigurationFactory.ParseString("serenity.trading.alpaca.forward = on")).Alpaca);
        Assert.DoesNotContain(FakeAlpacaTrading.Secret, Entities.Settings.ToString(), StringComparison.Ordinal);
    }
}
