using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.Hocon;
using Serenity.MarketData;

namespace Serenity.Trading.Tests;

/// <summary>Every entity comes back after its whole actor system is restarted on the same SQLite file.</summary>
public sealed class SystemRestartTests : Serenity.TestKit.TestKit, IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly string _dir = Directory.CreateTempSubdirectory("serenity-trading-").FullName;

    private ActorSystem NewSystem(string name) => ActorSystem.Create(name, ConfigurationFactory.ParseString($"""
        serenity.persistence.journal.plugin = sqlite
        serenity.persistence.journal.sqlite.path = "{_dir}/serenity.db"
        serenity.persistence.snapshot-store.plugin = sqlite
        serenity.persistence.snapshot-store.sqlite.path = "{_dir}/serenity.db"
        serenity.trading.starting-cash = 10000
        serenity.trading.snapshot-every = 4
        serenity.trading.symbols = [AAPL, MSFT]
        serenity.stdout-loglevel = WARNING
        """), Clock);

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Ticker_account_and_portfolio_recover_and_working_orders_resume_without_being_touched()
    {
        var first = NewSystem("first");
        var e1 = TradingEntities.Start(first);
        var ann = e1.Account("ann");
        Assert.True((await ann.Ask<CommandResult>(new Register("ann", "correct horse"), Bound)).Success);
        await e1.Ticker("AAPL").Ask<TickerView>(new GetTicker(), Bound); // started and subscribed
        var pubSub = DistributedPubSub.Get(first);
        for (var i = 0; i < 12; i++) pubSub.Publish("bars.AAPL", new Bar("AAPL", Now.AddMinutes(i), 100m, 101m, 99m, 100m + i, 10m, 1, 100m));
        e1.Ticker("AAPL").Tell(new TickerQuote("AAPL", 99m, 100m, 100m, 200m, Now));
        await AwaitConditionAsync(async () => (await e1.Ticker("AAPL").Ask<BarsView>(new GetBars(), Bound)).Bars.Count == 12, Bound);

        Assert.True((await ann.Ask<OrderResult>(new SubmitOrder("AAPL", OrderSide.Buy, 30m, "b-1"), Bound)).Accepted);
        e1.Ticker("AAPL").Tell(new TickerQuote("AAPL", 105m, 100m, 106m, 200m, Now));
        Assert.True((await ann.Ask<OrderResult>(new SubmitOrder("AAPL", OrderSide.Sell, 10m), Bound)).Accepted);
        var resting = await ann.Ask<OrderResult>(new SubmitOrder("AAPL", OrderSide.Buy, 5m, "gtc-1", OrderType.Limit, 90m, TimeInForce.Gtc), Bound);
        var day = await ann.Ask<OrderResult>(new SubmitOrder("AAPL", OrderSide.Buy, 1m, null, OrderType.Limit, 80m), Bound);
        Assert.Equal(CommandResult.Ok, await ann.Ask<CommandResult>(new SetWatchlist(["MSFT", "AAPL"]), Bound));
        await AwaitConditionAsync(async () => (await e1.Portfolio("ann").Ask<PortfolioView>(new GetPortfolio(), Bound)).AppliedSeq == 2, Bound);

        var account = await ann.Ask<AccountView>(new GetAccount(), Bound);
        var orders = (await ann.Ask<OrdersView>(new GetOrders(), Bound)).Orders;
        var trades = (await ann.Ask<TradesView>(new GetTrades(), Bound)).Trades;
        var portfolio = await e1.Portfolio("ann").Ask<PortfolioView>(new GetPortfolio(), Bound);
        var history = (await e1.Portfolio("ann").Ask<ValueHistoryView>(new GetValueHistory(), Bound)).Points;
        var ticker = await e1.Ticker("AAPL").Ask<TickerView>(new GetTicker(), Bound);
        Assert.Equal((20m, 2, 10000m - 3000m + 1050m), (account.Holdings["AAPL"], account.OpenOrders, account.Cash));
        Assert.Equal(10m * 5m, portfolio.RealizedPnl); // (105 - 100) x 10
        await first.Terminate();

        using var second = NewSystem("second");
        var e2 = TradingEntities.Start(second);
        // Only the portfolio is touched (it asks the ticker for a quote): the account wakes by itself (it had working
        // orders) and follows AAPL too, so three entities follow the topic.
        var tagged = await Serenity.Persistence.Persistence.Get(second).Journal.EventsByTagAsync(TradingEntities.WorkingOrdersTag, 0, 100);
        Assert.Equal(2, tagged.Count);
        var recovered = await e2.Portfolio("ann").Ask<PortfolioView>(new GetPortfolio(), Bound);
        await AwaitConditionAsync(() => Task.FromResult(DistributedPubSub.Get(second).SubscriberCount("quotes.AAPL") == 3), Bound, () => $"subscribers of quotes.AAPL: {DistributedPubSub.Get(second).SubscriberCount("quotes.AAPL")}");
        DistributedPubSub.Get(second).Publish("quotes.AAPL", new Quote("AAPL", Now, 89m, 100m, 89.50m, 100m));
        await AwaitConditionAsync(async () => (await e2.Portfolio("ann").Ask<PortfolioView>(new GetPortfolio(), Bound)).AppliedSeq == 3, Bound);

        Assert.Equal((portfolio.Cash, portfolio.RealizedPnl, portfolio.AppliedSeq), (recovered.Cash, recovered.RealizedPnl, recovered.AppliedSeq));
        Assert.Equal((20m, 100m), (recovered.Positions["AAPL"].Quantity, recovered.Positions["AAPL"].AverageCost));
        Assert.Equal(history, (await e2.Portfolio("ann").Ask<ValueHistoryView>(new GetValueHistory(), Bound)).Points.Take(history.Count));

        var ann2 = e2.Account("ann");
        var after = (await ann2.Ask<OrdersView>(new GetOrders(), Bound)).Orders;
        Assert.Equal(orders.Where(o => o.OrderId != resting.OrderId), after.Where(o => o.OrderId != resting.OrderId));
        Assert.Equal((OrderStatus.Filled, 89.50m), (after.Single(o => o.OrderId == resting.OrderId).Status, after.Single(o => o.OrderId == resting.OrderId).AverageFillPrice));
        Assert.Equal(trades, (await ann2.Ask<TradesView>(new GetTrades(), Bound)).Trades.Skip(1));
        Assert.Equal(["MSFT", "AAPL"], (await ann2.Ask<WatchlistView>(new GetWatchlist(), Bound)).Symbols);
        Assert.Equal(account.Cash - (5m * 89.50m), (await ann2.Ask<AccountView>(new GetAccount(), Bound)).Cash);
        Assert.Equal(resting.OrderId, (await ann2.Ask<OrderResult>(new SubmitOrder("AAPL", OrderSide.Buy, 5m, "gtc-1", OrderType.Limit, 90m, TimeInForce.Gtc), Bound)).OrderId);
        Assert.True((await ann2.Ask<LoginResult>(new Login("ann", "correct horse"), Bound)).Success);

        // The day order's expiry timer was armed on recovery.
        Clock.Advance(e2.Settings.SessionEndAfter(Now) - Now);
        await AwaitConditionAsync(async () => (await ann2.Ask<OrdersView>(new GetOrders(OpenOnly: true), Bound)).Orders.Count == 0, Bound);
        Assert.Equal(OrderStatus.Expired, (await ann2.Ask<OrdersView>(new GetOrders(), Bound)).Orders.Single(o => o.OrderId == day.OrderId).Status);

        var tickerAgain = await e2.Ticker("AAPL").Ask<TickerView>(new GetTicker(), Bound);
        Assert.Equal((ticker.Sma10, ticker.Sma20, ticker.ReferencePrice), (tickerAgain.Sma10, tickerAgain.Sma20, tickerAgain.ReferencePrice));
        Assert.Equal(12, (await e2.Ticker("AAPL").Ask<BarsView>(new GetBars(), Bound)).Bars.Count);
    }

    void IDisposable.Dispose()
    {
        Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // a file still open is left to the OS's temp cleaning
        }
    }
}
