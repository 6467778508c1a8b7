using Xunit.Abstractions;

namespace Serenity.Trading.Tests;

public sealed class OrderTests(ITestOutputHelper output) : TradingTestBase(output)
{
    [Fact]
    public void Buy_then_partial_sell_updates_cash_positions_and_realized_pnl_exactly()
    {
        Registered("u");
        SetQuote("AAPL", 99.90m, 100.10m);

        var buy = AskAccount<OrderResult>("u", new SubmitOrder("AAPL", OrderSide.Buy, 30m));
        Assert.True(buy.Accepted);
        Assert.Equal(100.10m, buy.Fill!.Price);
        Assert.Equal(10000m - 3003m, AskAccount<AccountView>("u", new GetAccount()).Cash);

        SetQuote("AAPL", 101.00m, 101.20m);
        var buy2 = AskAccount<OrderResult>("u", new SubmitOrder("AAPL", OrderSide.Buy, 10m));
        Assert.Equal(101.20m, buy2.Fill!.Price);
        // average cost (30 x 100.10 + 10 x 101.20) / 40 = 100.375
        var p = Portfolio("u");
        Assert.Equal((40m, 100.375m), (p.Positions["AAPL"].Quantity, p.Positions["AAPL"].AverageCost));

        SetQuote("AAPL", 102.50m, 102.70m);
        var sell = AskAccount<OrderResult>("u", new SubmitOrder("AAPL", OrderSide.Sell, 25m));
        Assert.Equal(102.50m, sell.Fill!.Price); // sells fill at the bid

        var account = AskAccount<AccountView>("u", new GetAccount());
        Assert.Equal(10000m - 3003m - 1012m + 2562.50m, account.Cash);
        Assert.Equal(15m, account.Holdings["AAPL"]);
        p = Portfolio("u");
        Assert.Equal((15m, 100.375m), (p.Positions["AAPL"].Quantity, p.Positions["AAPL"].AverageCost));
        Assert.Equal((102.50m - 100.375m) * 25m, p.RealizedPnl); // 53.125
    }

    [Fact]
    public void Insufficient_cash_is_rejected_with_field_and_reason()
    {
        Registered("u");
        SetQuote("MSFT", 399m, 400m);
        var r = AskAccount<OrderResult>("u", new SubmitOrder("MSFT", OrderSide.Buy, 26m)); // 10,400 > 10,000
        Assert.False(r.Accepted);
        Assert.Equal("quantity", r.Field);
        Assert.StartsWith("insufficient cash", r.Reason, StringComparison.Ordinal);
        Assert.Equal(10000m, AskAccount<AccountView>("u", new GetAccount()).Cash);
    }

    [Fact]
    public void Selling_more_than_held_is_rejected()
    {
        Registered("u");
        SetQuote("MSFT", 99m, 100m);
        Assert.True(AskAccount<OrderResult>("u", new SubmitOrder("MSFT", OrderSide.Buy, 5m)).Accepted);
        var r = AskAccount<OrderResult>("u", new SubmitOrder("MSFT", OrderSide.Sell, 6m));
        Assert.False(r.Accepted);
        Assert.Equal("quantity", r.Field);
        Assert.StartsWith("insufficient position", r.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "quantity")]
    [InlineData(-1, "quantity")]
    [InlineData(1.5, "quantity")]
    public void Bad_quantities_are_rejected(double quantity, string field)
    {
        Registered("u");
        SetQuote("IBM", 99m, 100m);
        var r = AskAccount<OrderResult>("u", new SubmitOrder("IBM", OrderSide.Buy, (decimal)quantity));
        Assert.False(r.Accepted);
        Assert.Equal(field, r.Field);
    }

    [Fact]
    public void A_symbol_without_a_quote_is_rejected()
    {
        Registered("u");
        var r = AskAccount<OrderResult>("u", new SubmitOrder("NOPE", OrderSide.Buy, 1m));
        Assert.False(r.Accepted);
        Assert.Equal("symbol", r.Field);
    }

    [Fact]
    public void An_unregistered_account_cannot_trade()
    {
        SetQuote("IBM", 99m, 100m);
        Assert.Equal("user_id", AskAccount<OrderResult>("ghost", new SubmitOrder("IBM", OrderSide.Buy, 1m)).Field);
    }

    [Fact]
    public void A_repeated_client_order_id_returns_the_first_result_and_fills_once()
    {
        Registered("u");
        SetQuote("AAPL", 99m, 100m);
        var first = AskAccount<OrderResult>("u", new SubmitOrder("AAPL", OrderSide.Buy, 10m, "c-1"));
        SetQuote("AAPL", 109m, 110m);
        var again = AskAccount<OrderResult>("u", new SubmitOrder("AAPL", OrderSide.Buy, 10m, "c-1"));
        Assert.Equal(first, again);
        Assert.Equal(9000m, AskAccount<AccountView>("u", new GetAccount()).Cash);

        var different = AskAccount<OrderResult>("u", new SubmitOrder("AAPL", OrderSide.Buy, 11m, "c-1"));
        Assert.False(different.Accepted);
        Assert.Equal("client_order_id", different.Field);
    }

    [Fact]
    public async Task Concurrent_submits_of_one_client_order_id_fill_once_and_concurrent_buys_never_overdraw()
    {
        Registered("u");
        SetQuote("AAPL", 99m, 100m);
        var account = Entities.Account("u");
        var same = Enumerable.Range(0, 5).Select(_ => account.Ask<OrderResult>(new SubmitOrder("AAPL", OrderSide.Buy, 10m, "dup"), Bound)).ToArray();
        var results = await Task.WhenAll(same);
        Assert.All(results, r => Assert.Equal(results[0], r));
        Assert.Equal(9000m, AskAccount<AccountView>("u", new GetAccount()).Cash);

        var buys = Enumerable.Range(0, 20).Select(_ => account.Ask<OrderResult>(new SubmitOrder("AAPL", OrderSide.Buy, 10m), Bound)).ToArray();
        var filled = (await Task.WhenAll(buys)).Count(r => r.Accepted);
        Assert.Equal(9, filled);
        Assert.Equal(0m, AskAccount<AccountView>("u", new GetAccount()).Cash);
        Assert.Equal(100m, Portfolio("u").Positions["AAPL"].Quantity);
    }

    [Fact]
    public async Task Orders_sent_one_after_the_other_are_decided_in_that_order_whichever_ticker_answers_first()
    {
        Registered("u");
        SetQuote("AAPL", 100m, 100m);
        SetQuote("MSFT", 100m, 100m);
        var first = Submit("u", new SubmitOrder("AAPL", OrderSide.Buy, 90m));
        Assert.True(first.Accepted, first.Reason); // cash left: 1,000 of the 10,000 starting cash
        var account = Entities.Account("u");
        var (held, other) = ("AAPL", "MSFT");
        for (var round = 0; round < 10; round++)
        {
            // The buy is affordable only with the sell's proceeds: decided out of order it would be rejected.
            var sell = account.Ask<OrderResult>(new SubmitOrder(held, OrderSide.Sell, 90m), Bound);
            var buy = account.Ask<OrderResult>(new SubmitOrder(other, OrderSide.Buy, 90m), Bound);
            Assert.True((await sell).Accepted, $"round {round}: sell");
            var bought = await buy;
            Assert.True(bought.Accepted, $"round {round}: buy rejected: {bought.Reason}");
            (held, other) = (other, held);
        }
        Assert.Equal(1_000m, AskAccount<AccountView>("u", new GetAccount()).Cash);
    }

    [Fact]
    public void A_rejected_client_order_id_stays_rejected()
    {
        Registered("u");
        SetQuote("AAPL", 99m, 100m);
        var first = AskAccount<OrderResult>("u", new SubmitOrder("AAPL", OrderSide.Sell, 1m, "s-1"));
        Assert.False(first.Accepted);
        Assert.True(AskAccount<OrderResult>("u", new SubmitOrder("AAPL", OrderSide.Buy, 1m)).Accepted);
        Assert.Equal(first, AskAccount<OrderResult>("u", new SubmitOrder("AAPL", OrderSide.Sell, 1m, "s-1")));
    }

    [Fact]
    public void Reset_restores_starting_cash_and_empties_the_portfolio()
    {
        Registered("u");
        SetQuote("AAPL", 99m, 100m);
        AskAccount<OrderResult>("u", new SubmitOrder("AAPL", OrderSide.Buy, 10m));
        AskAccount<OrderResult>("u", new SubmitOrder("AAPL", OrderSide.Sell, 5m));
        Assert.True(AskAccount<CommandResult>("u", new ResetAccount()).Success);
        var view = AskAccount<AccountView>("u", new GetAccount());
        Assert.Equal(10000m, view.Cash);
        Assert.Empty(view.Holdings);
        var p = Portfolio("u");
        Assert.Empty(p.Positions);
        Assert.Equal(0m, p.RealizedPnl);
    }
}
