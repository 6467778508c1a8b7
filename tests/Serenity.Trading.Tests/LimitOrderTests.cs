using Serenity.Actors;
using Xunit.Abstractions;

namespace Serenity.Trading.Tests;

public sealed class LimitOrderTests(ITestOutputHelper output) : TradingTestBase(output)
{
    private static SubmitOrder Limit(string symbol, OrderSide side, decimal qty, decimal limit, TimeInForce tif = TimeInForce.Day, string? cid = null) =>
        new(symbol, side, qty, cid, OrderType.Limit, limit, tif);

    [Fact]
    public void A_limit_buy_rests_reserves_cash_and_fills_at_the_ask_when_the_market_crosses_it()
    {
        Registered("u");
        SetQuote("AAPL", 100m, 101m);
        var r = Submit("u", Limit("AAPL", OrderSide.Buy, 10m, 99.50m));
        Assert.True(r.Accepted);
        Assert.Null(r.Fill);
        Assert.Equal(OrderStatus.New, r.Order!.Status);
        var account = AskAccount<AccountView>("u", new GetAccount());
        Assert.Equal((10000m, 995m, 9005m, 1), (account.Cash, account.ReservedCash, account.BuyingPower, account.OpenOrders));

        SetQuote("AAPL", 99.60m, 99.70m); // not crossed: ask 99.70 > 99.50
        Assert.Equal(OrderStatus.New, Assert.Single(Orders("u", openOnly: true)).Status);

        SetQuote("AAPL", 99.30m, 99.40m); // crossed: fills at the ask, better than the limit
        AwaitAssert(() => Assert.Empty(Orders("u", openOnly: true)), Bound);
        var order = Assert.Single(Orders("u"));
        Assert.Equal((OrderStatus.Filled, 10m, 99.40m), (order.Status, order.FilledQuantity, order.AverageFillPrice));
        account = AskAccount<AccountView>("u", new GetAccount());
        Assert.Equal((10000m - 994m, 0m, 0), (account.Cash, account.ReservedCash, account.OpenOrders));
        AwaitAssert(() => Assert.Equal(10m, Portfolio("u").Positions["AAPL"].Quantity), Bound);
        Assert.Equal(99.40m, Portfolio("u").Positions["AAPL"].AverageCost);
        // the idempotent view of the order follows it: resubmitting returns it filled
    }

    [Fact]
    public void A_marketable_limit_order_fills_at_once_at_the_better_price_and_a_limit_sell_rests_until_the_bid_reaches_it()
    {
        Registered("u");
        SetQuote("MSFT", 99m, 100m);
        var buy = Submit("u", Limit("MSFT", OrderSide.Buy, 20m, 105m));
        Assert.Equal((OrderStatus.Filled, 100m), (buy.Order!.Status, buy.Fill!.Price));

        var sell = Submit("u", Limit("MSFT", OrderSide.Sell, 20m, 102m, TimeInForce.Gtc));
        Assert.Equal(OrderStatus.New, sell.Order!.Status);
        Assert.Equal(20m, AskAccount<AccountView>("u", new GetAccount()).Holdings["MSFT"]);
        // the resting sell holds the shares: another sell of them is refused
        var more = Submit("u", new SubmitOrder("MSFT", OrderSide.Sell, 1m));
        Assert.Equal("quantity", more.Field);
        Assert.StartsWith("insufficient position: selling 1 but 0 available", more.Reason, StringComparison.Ordinal);

        SetQuote("MSFT", 102.50m, 102.60m);
        AwaitAssert(() => Assert.Empty(Orders("u", openOnly: true)), Bound);
        var fills = AskAccount<TradesView>("u", new GetTrades()).Trades;
        Assert.Equal(2, fills.Count);
        Assert.Equal((OrderSide.Sell, 102.50m), (fills[0].Side, fills[0].Price)); // newest first, at the bid
        Assert.Equal(10000m - 2000m + 2050m, AskAccount<AccountView>("u", new GetAccount()).Cash);
    }

    [Fact]
    public void Resting_buys_reserve_buying_power_so_no_combination_of_orders_overdraws()
    {
        Registered("u");
        SetQuote("AAPL", 100m, 101m);
        Assert.True(Submit("u", Limit("AAPL", OrderSide.Buy, 60m, 90m)).Accepted); // reserves 5,400
        var r = Submit("u", new SubmitOrder("AAPL", OrderSide.Buy, 46m)); // 46 x 101 = 4,646 > 4,600 left
        Assert.False(r.Accepted);
        Assert.Equal("insufficient cash: 46 x 101 = 4646 exceeds buying power 4600", r.Reason);
        Assert.True(Submit("u", new SubmitOrder("AAPL", OrderSide.Buy, 45m)).Accepted); // 4,545
        var limit = Submit("u", Limit("AAPL", OrderSide.Buy, 1m, 60m));
        Assert.Equal("insufficient cash: 1 x 60 = 60 exceeds buying power 55", limit.Reason);

        SetQuote("AAPL", 89m, 90m); // the resting buy fills within its reservation
        AwaitAssert(() => Assert.Empty(Orders("u", openOnly: true)), Bound);
        var account = AskAccount<AccountView>("u", new GetAccount());
        Assert.Equal(10000m - 4545m - 5400m, account.Cash);
        Assert.True(account.Cash >= 0m);
    }

    [Fact]
    public void Cancel_releases_the_reservation_and_a_finished_or_unknown_order_cannot_be_canceled()
    {
        Registered("u");
        SetQuote("AAPL", 100m, 101m);
        var r = Submit("u", Limit("AAPL", OrderSide.Buy, 10m, 90m));
        Assert.Equal(CommandResult.Ok, AskAccount<CommandResult>("u", new CancelOrder(r.OrderId!)));
        var order = Assert.Single(Orders("u"));
        Assert.Equal((OrderStatus.Canceled, "canceled by user"), (order.Status, order.Reason));
        Assert.Equal(10000m, AskAccount<AccountView>("u", new GetAccount()).BuyingPower);

        Assert.Equal(new CommandResult(false, "order_id", "order is no longer working: canceled"), AskAccount<CommandResult>("u", new CancelOrder(r.OrderId!)));
        Assert.Equal(new CommandResult(false, "order_id", "unknown order"), AskAccount<CommandResult>("u", new CancelOrder("u-99")));
        var filled = Submit("u", new SubmitOrder("AAPL", OrderSide.Buy, 1m));
        Assert.Equal("order is no longer working: filled", AskAccount<CommandResult>("u", new CancelOrder(filled.OrderId!)).Reason);

        SetQuote("AAPL", 80m, 81m); // a canceled order never fills
        Assert.Single(AskAccount<TradesView>("u", new GetTrades()).Trades);
    }

    [Fact]
    public void A_day_order_expires_at_the_session_close_and_a_gtc_order_keeps_working()
    {
        Registered("u");
        SetQuote("AAPL", 100m, 101m);
        var day = Submit("u", Limit("AAPL", OrderSide.Buy, 1m, 90m));
        var gtc = Submit("u", Limit("AAPL", OrderSide.Buy, 1m, 90m, TimeInForce.Gtc));
        var close = Entities.Settings.SessionEndAfter(Now);

        Advance(close - Now - TimeSpan.FromSeconds(1));
        Assert.Equal(2, Orders("u", openOnly: true).Count);
        Advance(TimeSpan.FromSeconds(1));
        AwaitAssert(() => Assert.Equal(gtc.OrderId, Assert.Single(Orders("u", openOnly: true)).OrderId), Bound);
        var expired = Orders("u").Single(o => o.OrderId == day.OrderId);
        Assert.Equal((OrderStatus.Expired, close), (expired.Status, expired.UpdatedAt));
        Assert.Equal(9910m, AskAccount<AccountView>("u", new GetAccount()).BuyingPower);
    }

    [Fact]
    public void Ioc_fills_what_the_quote_displays_and_cancels_the_rest()
    {
        Registered("u");
        SetQuote("AAPL", 100m, 101m, bidSize: 5m, askSize: 30m);
        var r = Submit("u", new SubmitOrder("AAPL", OrderSide.Buy, 50m, TimeInForce: TimeInForce.Ioc));
        Assert.True(r.Accepted);
        Assert.Equal((30m, 101m), (r.Fill!.Quantity, r.Fill.Price));
        Assert.Equal((OrderStatus.Canceled, 30m, "ioc: 20 not available, canceled"), (r.Order!.Status, r.Order.FilledQuantity, r.Order.Reason));
        Assert.Equal(10000m - 3030m, AskAccount<AccountView>("u", new GetAccount()).Cash);

        var notCrossed = Submit("u", Limit("AAPL", OrderSide.Sell, 5m, 100.50m, TimeInForce.Ioc));
        Assert.Equal((OrderStatus.Canceled, 0m), (notCrossed.Order!.Status, notCrossed.Order.FilledQuantity));
        Assert.Equal("ioc: limit 100.5 not reached (bid 100)", notCrossed.Order.Reason);
        Assert.Null(notCrossed.Fill);
        Assert.Empty(Orders("u", openOnly: true));
    }

    [Fact]
    public void Fok_fills_all_or_nothing()
    {
        Registered("u");
        SetQuote("AAPL", 100m, 101m, bidSize: 5m, askSize: 30m);
        var killed = Submit("u", new SubmitOrder("AAPL", OrderSide.Buy, 31m, TimeInForce: TimeInForce.Fok));
        Assert.True(killed.Accepted);
        Assert.Equal((OrderStatus.Canceled, 0m, "fok: 30 displayed at 101, 31 wanted"), (killed.Order!.Status, killed.Order.FilledQuantity, killed.Order.Reason));
        Assert.Equal(10000m, AskAccount<AccountView>("u", new GetAccount()).Cash);

        var filled = Submit("u", Limit("AAPL", OrderSide.Buy, 30m, 101m, TimeInForce.Fok));
        Assert.Equal((OrderStatus.Filled, 30m), (filled.Order!.Status, filled.Fill!.Quantity));
    }

    [Theory]
    [InlineData(OrderType.Limit, null, "limit_price", "limit price is required for limit orders")]
    [InlineData(OrderType.Limit, -1.0, "limit_price", "limit price must be greater than zero")]
    [InlineData(OrderType.Market, 10.0, "limit_price", "limit price is only allowed on limit orders")]
    public void Limit_prices_are_validated(OrderType type, double? limit, string field, string reason)
    {
        Registered("u");
        SetQuote("AAPL", 100m, 101m);
        var r = Submit("u", new SubmitOrder("AAPL", OrderSide.Buy, 1m, null, type, (decimal?)limit));
        Assert.Equal((false, field, reason), (r.Accepted, r.Field, r.Reason));
    }

    [Fact]
    public void Unknown_symbols_and_symbols_without_a_quote_are_rejected_with_distinct_reasons()
    {
        Registered("u");
        Assert.Equal(("symbol", "unknown symbol: NOPE"), Fields(Submit("u", new SubmitOrder("NOPE", OrderSide.Buy, 1m))));
        Assert.Equal(("symbol", "no quote yet for AMD"), Fields(Submit("u", new SubmitOrder("amd", OrderSide.Buy, 1m))));
        Assert.Equal(("symbol", "symbol is required"), Fields(Submit("u", new SubmitOrder(" ", OrderSide.Buy, 1m))));
    }

    [Fact]
    public void A_resubmitted_client_order_id_of_a_resting_order_returns_the_order_as_it_stands_now()
    {
        Registered("u");
        SetQuote("AAPL", 100m, 101m);
        var order = Limit("AAPL", OrderSide.Buy, 2m, 95m, TimeInForce.Gtc, "rest-1");
        var first = Submit("u", order);
        Assert.Equal(OrderStatus.New, first.Order!.Status);
        SetQuote("AAPL", 94m, 95m);
        AwaitAssert(() => Assert.Empty(Orders("u", openOnly: true)), Bound);
        var again = Submit("u", order);
        Assert.Equal((first.OrderId, OrderStatus.Filled), (again.OrderId, again.Order!.Status));
        Assert.Single(AskAccount<TradesView>("u", new GetTrades()).Trades);
    }

    [Fact]
    public async Task Concurrent_limit_and_market_buys_of_one_user_never_overdraw()
    {
        Registered("u");
        SetQuote("AAPL", 99m, 100m);
        var account = Entities.Account("u");
        // 30 resting buys reserving 1,000 each and 30 market buys costing 1,000 each, all at once: 10 fit.
        var submits = Enumerable.Range(0, 60).Select(i => account.Ask<OrderResult>(
            i % 2 == 0 ? new SubmitOrder("AAPL", OrderSide.Buy, 20m, null, OrderType.Limit, 50m, TimeInForce.Gtc) : new SubmitOrder("AAPL", OrderSide.Buy, 10m), Bound)).ToArray();
        var results = await Task.WhenAll(submits);
        Assert.Equal(10, results.Count(r => r.Accepted));
        Assert.All(results.Where(r => !r.Accepted), r => Assert.StartsWith("insufficient cash", r.Reason, StringComparison.Ordinal));
        var view = AskAccount<AccountView>("u", new GetAccount());
        Assert.Equal(0m, view.BuyingPower);
        Assert.True(view.Cash >= view.ReservedCash);

        SetQuote("AAPL", 49m, 50m); // every resting buy fills within its reservation
        AwaitAssert(() => Assert.Empty(Orders("u", openOnly: true)), Bound);
        Assert.Equal(0m, AskAccount<AccountView>("u", new GetAccount()).Cash);
    }

    [Fact]
    public void An_account_recovers_working_orders_and_reservations_from_its_snapshot_and_later_events()
    {
        SetQuote("AAPL", 100m, 101m);
        var settings = Entities.Settings with { SnapshotEvery = 3 };
        var account = Sys.ActorOf(AccountEntity.Props("snap", settings), "snap-1");
        account.Tell(new Register("snap", "correct horse"));
        ExpectMsg(CommandResult.Ok);
        account.Tell(Limit("AAPL", OrderSide.Buy, 10m, 90m, TimeInForce.Gtc, "l-1")); // 2
        var resting = ExpectMsg<OrderResult>();
        account.Tell(new SubmitOrder("AAPL", OrderSide.Buy, 5m));                      // 3: snapshot
        ExpectMsg<OrderResult>();
        account.Tell(Limit("AAPL", OrderSide.Sell, 5m, 120m, TimeInForce.Gtc));         // 4
        ExpectMsg<OrderResult>();
        var store = Serenity.Persistence.Persistence.Get(Sys).Snapshots.Store;
        AwaitCondition(() => store.LoadAsync("account-snap", Serenity.Persistence.Snapshots.SnapshotSelectionCriteria.Latest, CancellationToken.None).GetAwaiter().GetResult() is { SequenceNr: >= 3 }, Bound);
        account.Tell(new GetAccount());
        var before = ExpectMsg<AccountView>();
        account.Tell(new GetOrders());
        var orders = ExpectMsg<OrdersView>().Orders;
        StopAndWait(account);

        var again = Sys.ActorOf(AccountEntity.Props("snap", settings), "snap-2");
        again.Tell(new GetAccount());
        var after = ExpectMsg<AccountView>();
        Assert.Equal((before.Cash, before.ReservedCash, before.BuyingPower, before.OpenOrders), (after.Cash, after.ReservedCash, after.BuyingPower, after.OpenOrders));
        Assert.Equal((10000m - 505m, 900m, 2), (after.Cash, after.ReservedCash, after.OpenOrders));
        again.Tell(new GetOrders());
        Assert.Equal(orders, ExpectMsg<OrdersView>().Orders);
        again.Tell(Limit("AAPL", OrderSide.Buy, 10m, 90m, TimeInForce.Gtc, "l-1"));
        Assert.Equal(resting.OrderId, ExpectMsg<OrderResult>().OrderId);
    }

    private static (string?, string?) Fields(OrderResult r) => (r.Field, r.Reason);
}
