using Serenity.Trading;
using Xunit.Abstractions;

namespace Serenity.Risk.Tests.Entities;

/// <summary>Orders through the Account are checked by the Risk entity when <c>pre-trade-check = on</c>.</summary>
public sealed class PreTradeCheckEntityTests(ITestOutputHelper output) : RiskTestBase(output, """
    serenity.trading.pre-trade-check = on
    serenity.risk.accounts {
      orderer { max-order-value = 5000 }
      positioner { max-position-value = 3000 }
      varrer { max-var-after-trade = 20 }
    }
    """)
{
    [Fact]
    public void An_order_over_the_max_order_value_is_rejected_with_the_field_and_reason()
    {
        Registered("orderer");
        SetQuote("AAPL", 99m, 100m);
        var r = Submit("orderer", new SubmitOrder("AAPL", OrderSide.Buy, 60m, "big"));
        Assert.False(r.Accepted);
        Assert.Equal("quantity", r.Field);
        Assert.Contains("order value 6000 exceeds the max order value 5000", r.Reason, StringComparison.Ordinal);
        Assert.True(Submit("orderer", new SubmitOrder("AAPL", OrderSide.Buy, 50m)).Accepted);
        Assert.Equal(r, Submit("orderer", new SubmitOrder("AAPL", OrderSide.Buy, 60m, "big"))); // remembered like any rejection
    }

    [Fact]
    public void An_order_that_takes_the_position_over_the_max_position_value_is_rejected_but_reducing_passes()
    {
        Registered("positioner");
        SetQuote("AAPL", 99m, 100m);
        Assert.True(Submit("positioner", new SubmitOrder("AAPL", OrderSide.Buy, 20m)).Accepted);
        var r = Submit("positioner", new SubmitOrder("AAPL", OrderSide.Buy, 20m));
        Assert.False(r.Accepted);
        Assert.Equal("quantity", r.Field);
        Assert.Contains("AAPL position value after the trade 4000 exceeds the max position value 3000", r.Reason, StringComparison.Ordinal);
        Assert.True(Submit("positioner", new SubmitOrder("AAPL", OrderSide.Sell, 5m)).Accepted);
        Assert.Equal(15m, Ask<AccountView>(Trading.Account("positioner"), new GetAccount()).Holdings["AAPL"]);
    }

    [Fact]
    public void An_order_that_takes_the_portfolio_var_over_the_limit_is_rejected_with_the_figures()
    {
        Registered("varrer");
        PublishBars("AAPL", 0, Wiggly(15, 100m, 5));
        TickerHasBars("AAPL", 15);
        SetQuote("AAPL", 99m, 100m);
        Assert.True(Submit("varrer", new SubmitOrder("AAPL", OrderSide.Buy, 1m)).Accepted); // VaR of 100 shares' worth of 1 share: small
        var r = Submit("varrer", new SubmitOrder("AAPL", OrderSide.Buy, 500m));
        Assert.False(r.Accepted);
        Assert.Equal("quantity", r.Field);
        Assert.Contains("portfolio VaR after the trade", r.Reason, StringComparison.Ordinal);
        Assert.Contains("exceeds the max VaR 20 (historical 95%, one minute)", r.Reason, StringComparison.Ordinal);
        Assert.Equal(1m, Ask<AccountView>(Trading.Account("varrer"), new GetAccount()).Holdings["AAPL"]);
    }

    [Fact]
    public void A_var_limit_on_a_symbol_without_return_history_rejects_on_the_symbol()
    {
        Registered("varrer");
        SetQuote("MSFT", 299m, 300m);
        var r = Submit("varrer", new SubmitOrder("MSFT", OrderSide.Buy, 1m));
        Assert.Equal((false, "symbol"), (r.Accepted, r.Field));
        Assert.Contains("no return history for MSFT", r.Reason, StringComparison.Ordinal);
    }
}

/// <summary>With the check off (the default) the same orders go through unchecked.</summary>
public sealed class PreTradeCheckOffTests(ITestOutputHelper output) : RiskTestBase(output, """
    serenity.risk.accounts.orderer { max-order-value = 5000, max-position-value = 1 }
    """)
{
    [Fact]
    public void Orders_over_every_limit_are_accepted()
    {
        Registered("orderer");
        SetQuote("AAPL", 99m, 100m);
        Assert.True(Submit("orderer", new SubmitOrder("AAPL", OrderSide.Buy, 60m)).Accepted);
        Assert.Equal(60m, Ask<AccountView>(Trading.Account("orderer"), new GetAccount()).Holdings["AAPL"]);
    }
}
