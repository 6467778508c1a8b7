using Serenity.Actors;
using Xunit.Abstractions;

namespace Serenity.Trading.Tests;

public sealed class HistoryAndWatchlistTests(ITestOutputHelper output)
    : TradingTestBase(output, "serenity.trading.order-history-size = 3\nserenity.trading.trade-history-size = 2")
{
    [Fact]
    public void Orders_and_trades_are_newest_first_bounded_and_working_orders_are_never_dropped()
    {
        Registered("u");
        SetQuote("AAPL", 100m, 101m);
        var resting = Submit("u", new SubmitOrder("AAPL", OrderSide.Buy, 1m, null, OrderType.Limit, 50m, TimeInForce.Gtc));
        var ids = Enumerable.Range(0, 5).Select(_ => Submit("u", new SubmitOrder("AAPL", OrderSide.Buy, 1m)).OrderId).ToList();

        var all = Orders("u");
        Assert.Equal([ids[4], ids[3], ids[2], resting.OrderId], all.Select(o => o.OrderId)); // 3 finished kept + the working one
        Assert.Equal([resting.OrderId], Orders("u", openOnly: true).Select(o => o.OrderId));
        Assert.Equal([ids[4]], AskAccount<OrdersView>("u", new GetOrders(Limit: 1)).Orders.Select(o => o.OrderId));

        var trades = AskAccount<TradesView>("u", new GetTrades()).Trades;
        Assert.Equal([ids[4], ids[3]], trades.Select(t => t.OrderId));
        Assert.Equal(2, AskAccount<TradesView>("u", new GetTrades(Limit: 5)).Trades.Count);
    }

    [Fact]
    public void Every_order_change_and_fill_is_published_on_the_account_topic()
    {
        Registered("u");
        SetQuote("AAPL", 100m, 101m);
        var updates = Follow(TradingTopics.Account("u"));
        var rest = Submit("u", new SubmitOrder("AAPL", OrderSide.Buy, 2m, null, OrderType.Limit, 90m));
        var accepted = updates.ExpectMsg<AccountUpdated>();
        Assert.Equal((rest.OrderId, OrderStatus.New, 10000m), (accepted.Order!.OrderId, accepted.Order.Status, accepted.Cash));
        Assert.Null(accepted.Fill);

        SetQuote("AAPL", 89m, 89.5m);
        var filled = updates.ExpectMsg<AccountUpdated>();
        Assert.Equal((OrderStatus.Filled, 89.5m, 10000m - 179m), (filled.Order!.Status, filled.Fill!.Price, filled.Cash));

        var cancelMe = Submit("u", new SubmitOrder("AAPL", OrderSide.Buy, 1m, null, OrderType.Limit, 50m));
        updates.ExpectMsg<AccountUpdated>(u => u.Order!.Status == OrderStatus.New);
        AskAccount<CommandResult>("u", new CancelOrder(cancelMe.OrderId!));
        Assert.Equal(OrderStatus.Canceled, updates.ExpectMsg<AccountUpdated>().Order!.Status);

        Assert.False(Submit("u", new SubmitOrder("AAPL", OrderSide.Sell, 100m)).Accepted);
        updates.ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // a rejection changes nothing
    }

    [Fact]
    public void The_watchlist_is_stored_normalized_and_survives_a_restart_and_unknown_symbols_are_refused()
    {
        Registered("u");
        Assert.Equal(CommandResult.Ok, AskAccount<CommandResult>("u", new SetWatchlist(["msft", " AAPL", "MSFT"])));
        Assert.Equal(new CommandResult(false, "symbols", "unknown symbol: NOPE"), AskAccount<CommandResult>("u", new SetWatchlist(["AAPL", "NOPE"])));
        Assert.Equal(["MSFT", "AAPL"], AskAccount<WatchlistView>("u", new GetWatchlist()).Symbols);
        Assert.Equal("user_id", AskAccount<CommandResult>("ghost", new SetWatchlist(["AAPL"])).Field);

        var again = Sys.ActorOf(AccountEntity.Props("u", Entities.Settings), "u-again"); // same persistence id, recovered from the journal
        again.Tell(new GetWatchlist());
        Assert.Equal(["MSFT", "AAPL"], ExpectMsg<WatchlistView>().Symbols);
    }

    [Fact]
    public void Reset_cancels_working_orders_and_clears_the_histories()
    {
        Registered("u");
        SetQuote("AAPL", 100m, 101m);
        Submit("u", new SubmitOrder("AAPL", OrderSide.Buy, 1m));
        Submit("u", new SubmitOrder("AAPL", OrderSide.Buy, 1m, null, OrderType.Limit, 50m));
        Assert.True(AskAccount<CommandResult>("u", new ResetAccount()).Success);
        Assert.Empty(Orders("u"));
        Assert.Empty(AskAccount<TradesView>("u", new GetTrades()).Trades);
        var view = AskAccount<AccountView>("u", new GetAccount());
        Assert.Equal((10000m, 10000m, 0), (view.Cash, view.BuyingPower, view.OpenOrders));
        SetQuote("AAPL", 40m, 41m); // the canceled order's quotes are no longer followed: nothing fills
        Assert.Empty(AskAccount<TradesView>("u", new GetTrades()).Trades);
    }
}
