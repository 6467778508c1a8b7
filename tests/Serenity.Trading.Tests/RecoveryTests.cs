using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.MarketData;
using Serenity.Persistence.Journal;
using Xunit.Abstractions;

namespace Serenity.Trading.Tests;

public sealed class RecoveryTests(ITestOutputHelper output) : TradingTestBase(output)
{
    [Fact]
    public void An_account_restarted_from_its_journal_keeps_credentials_cash_holdings_lockout_and_client_order_ids()
    {
        SetQuote("AAPL", 99m, 100m);
        var account = RegisteredAccount("rita", "rita-1");
        account.Tell(new SubmitOrder("AAPL", OrderSide.Buy, 10m, "c-1"));
        var first = ExpectMsg<OrderResult>();
        for (var i = 0; i < 5; i++)
        {
            account.Tell(new Login("rita", "wrong password"));
            ExpectMsg(LoginResult.InvalidCredentials);
        }
        StopAndWait(account);

        var again = Sys.ActorOf(AccountEntity.Props("rita", Entities.Settings), "rita-2");
        again.Tell(new GetAccount());
        var view = ExpectMsg<AccountView>();
        Assert.Equal(9000m, view.Cash);
        Assert.Equal(10m, view.Holdings["AAPL"]);
        Assert.True(view.Locked);
        again.Tell(new SubmitOrder("AAPL", OrderSide.Buy, 10m, "c-1"));
        Assert.Equal(first, ExpectMsg<OrderResult>());
        Advance(TimeSpan.FromMinutes(16));
        again.Tell(new Login("rita", "correct horse"));
        Assert.True(ExpectMsg<LoginResult>().Success);
    }

    [Fact]
    public void A_portfolio_restarted_from_its_journal_keeps_positions_and_pnl()
    {
        var portfolio = Sys.ActorOf(PortfolioEntity.Props("pat"), "pat-1");
        portfolio.Tell(new PortfolioDelivery(1, NewFill(1, OrderSide.Buy, 10m, 50m), false));
        ExpectMsg(new DeliveryAck(1));
        portfolio.Tell(new PortfolioDelivery(2, NewFill(2, OrderSide.Sell, 4m, 55m), false));
        ExpectMsg(new DeliveryAck(2));
        StopAndWait(portfolio);

        var again = Sys.ActorOf(PortfolioEntity.Props("pat"), "pat-2");
        again.Tell(new GetPortfolio());
        var view = ExpectMsg<PortfolioView>();
        Assert.Equal(new Position("AAPL", 6m, 50m), view.Positions["AAPL"]);
        Assert.Equal(20m, view.RealizedPnl);
        Assert.Equal(2, view.AppliedSeq);
    }

    [Fact]
    public void A_portfolio_recovers_from_its_snapshot_and_the_events_after_it()
    {
        var portfolio = Sys.ActorOf(PortfolioEntity.Props("snap", snapshotEvery: 2), "snap-1");
        portfolio.Tell(new PortfolioDelivery(1, NewFill(1, OrderSide.Buy, 10m, 50m), false));
        portfolio.Tell(new PortfolioDelivery(2, NewFill(2, OrderSide.Sell, 4m, 55m), false));
        portfolio.Tell(new PortfolioDelivery(3, NewFill(3, OrderSide.Buy, 6m, 60m), false));
        ExpectMsg(new DeliveryAck(1));
        ExpectMsg(new DeliveryAck(2));
        ExpectMsg(new DeliveryAck(3));
        var store = Serenity.Persistence.Persistence.Get(Sys).Snapshots.Store;
        AwaitCondition(() => store.LoadAsync("portfolio-snap", Serenity.Persistence.Snapshots.SnapshotSelectionCriteria.Latest, CancellationToken.None).GetAwaiter().GetResult() is not null, Bound);
        StopAndWait(portfolio);

        var again = Sys.ActorOf(PortfolioEntity.Props("snap", snapshotEvery: 2), "snap-2");
        again.Tell(new GetPortfolio());
        var view = ExpectMsg<PortfolioView>();
        Assert.Equal(new Position("AAPL", 12m, 55m), view.Positions["AAPL"]); // (6 x 50 + 6 x 60) / 12
        Assert.Equal(20m, view.RealizedPnl);
        Assert.Equal(3, view.AppliedSeq);
    }

    [Fact]
    public void A_portfolio_keeps_only_its_two_newest_snapshots()
    {
        var portfolio = Sys.ActorOf(PortfolioEntity.Props("keep", snapshotEvery: 2), "keep-1");
        for (var seq = 1; seq <= 9; seq++)
        {
            portfolio.Tell(new PortfolioDelivery(seq, NewFill(seq, OrderSide.Buy, 1m, 50m), false));
            ExpectMsg(new DeliveryAck(seq));
        }
        var store = Serenity.Persistence.Persistence.Get(Sys).Snapshots.Store;
        Serenity.Persistence.Snapshots.SnapshotRow? Newest(long atMost) =>
            store.LoadAsync("portfolio-keep", new Serenity.Persistence.Snapshots.SnapshotSelectionCriteria(atMost), CancellationToken.None).GetAwaiter().GetResult();

        // Snapshots every 2 events: the newest is at 8 or 9, the one before 2 lower, nothing older once deletes are done.
        AwaitCondition(() => Newest(long.MaxValue) is { SequenceNr: >= 8 } newest && Newest(newest.SequenceNr - 3) is null, Bound);
        var latest = Newest(long.MaxValue)!;
        Assert.Equal(latest.SequenceNr - 2, Newest(latest.SequenceNr - 1)?.SequenceNr);
    }

    [Fact]
    public void A_fill_is_applied_once_when_re_sent_and_a_gap_waits_for_the_missing_one()
    {
        var portfolio = Sys.ActorOf(PortfolioEntity.Props("q"), "q");
        var one = new PortfolioDelivery(1, NewFill(1, OrderSide.Buy, 10m, 50m), false);
        portfolio.Tell(one);
        ExpectMsg(new DeliveryAck(1));
        portfolio.Tell(one);
        ExpectMsg(new DeliveryAck(1)); // acknowledged again, not applied again
        portfolio.Tell(new PortfolioDelivery(3, NewFill(3, OrderSide.Buy, 1m, 50m), false));
        portfolio.Tell(new GetPortfolio());
        var view = ExpectMsg<PortfolioView>(); // the gap is ignored, no ack
        Assert.Equal(10m, view.Positions["AAPL"].Quantity);
        Assert.Equal(1, view.AppliedSeq);
    }

    [Fact]
    public void Fills_re_sent_by_a_recovered_account_and_by_its_timer_are_applied_exactly_once()
    {
        SetQuote("AAPL", 99m, 100m);
        var account = RegisteredAccount("x", "x-1");
        account.Tell(new SubmitOrder("AAPL", OrderSide.Buy, 7m));
        Assert.True(ExpectMsg<OrderResult>().Accepted);
        StopAndWait(account); // maybe before the portfolio's ack was confirmed: the fill is then re-sent

        var again = Sys.ActorOf(AccountEntity.Props("x", Entities.Settings), "x-2");
        again.Tell(new GetAccount());
        ExpectMsg<AccountView>();
        for (var i = 0; i < 3; i++) Advance(Entities.Settings.RedeliverInterval); // timer re-sends while unacknowledged

        again.Tell(new SubmitOrder("AAPL", OrderSide.Buy, 3m));
        Assert.True(ExpectMsg<OrderResult>().Accepted);
        var view = Portfolio("x");
        Assert.Equal(10m, view.Positions["AAPL"].Quantity);
        Assert.Equal(2, view.AppliedSeq);

        // A duplicate of the first fill arriving late changes nothing.
        Entities.Portfolio("x").Tell(new PortfolioDelivery(1, NewFill(1, OrderSide.Buy, 7m, 100m), false), TestActor);
        ExpectMsg(new DeliveryAck(2));
        Assert.Equal(10m, Portfolio("x").Positions["AAPL"].Quantity);
    }

    [Fact]
    public void Acknowledgements_journaled_in_batches_lose_nothing_and_double_nothing_across_a_restart()
    {
        // 105 fills: the first 100 acknowledgements are journaled as one confirmation, the last 5 are not, so the
        // recovered account re-sends those 5 and the portfolio, which has applied them, only acknowledges them.
        SetQuote("AAPL", 9m, 10m);
        var account = RegisteredAccount("b", "b-1");
        for (var i = 0; i < 105; i++)
        {
            account.Tell(new SubmitOrder("AAPL", OrderSide.Buy, 1m));
            Assert.True(ExpectMsg<OrderResult>().Accepted);
        }
        Assert.Equal(105, Portfolio("b").AppliedSeq);
        StopAndWait(account);

        var again = Sys.ActorOf(AccountEntity.Props("b", Entities.Settings), "b-2");
        again.Tell(new SubmitOrder("AAPL", OrderSide.Buy, 1m));
        Assert.True(ExpectMsg<OrderResult>().Accepted);
        for (var i = 0; i < 3; i++) Advance(Entities.Settings.RedeliverInterval);
        again.Tell(new GetAccount());
        var cash = ExpectMsg<AccountView>().Cash;

        var view = Portfolio("b");
        Assert.Equal((106m, 106L), (view.Positions["AAPL"].Quantity, view.AppliedSeq));
        Assert.Equal(cash, view.Cash);
    }

    [Fact]
    public void A_fill_whose_deferred_portfolio_event_a_power_loss_takes_is_re_sent_and_applied_once()
    {
        // The portfolio journals FillApplied with deferred durability (no fsync of its own). A power loss before the
        // journal's next synced write takes it, and with it anything journaled after it, so the account, whose
        // OrderFilled was synced, still holds the fill as unconfirmed and re-sends it when it recovers.
        SetQuote("AAPL", 99m, 100m);
        Registered("w");
        Assert.True(Submit("w", new SubmitOrder("AAPL", OrderSide.Buy, 7m)).Accepted);
        AwaitCondition(() => Portfolio("w").AppliedSeq == 1, Bound);

        StopAndWait(EntityActor(Entities.Account("w"), new GetAccount()));
        StopAndWait(EntityActor(Entities.Portfolio("w"), new GetPortfolio()));
        var journal = (MemoryJournalStore)Serenity.Persistence.Persistence.Get(Sys).Journal.Store;
        Assert.Equal(1, journal.SimulatePowerLoss());

        var lost = Portfolio("w"); // recovered without the account: the fill is gone from its journal
        Assert.Equal((0L, false), (lost.AppliedSeq, lost.Positions.ContainsKey("AAPL")));
        var cash = AskAccount<AccountView>("w", new GetAccount()).Cash; // the account recovers and re-sends
        AwaitCondition(() => Portfolio("w").AppliedSeq == 1, Bound);
        Assert.True(Submit("w", new SubmitOrder("AAPL", OrderSide.Buy, 3m)).Accepted);
        AwaitCondition(() => Portfolio("w").AppliedSeq == 2, Bound);
        var view = Portfolio("w");
        Assert.Equal(10m, view.Positions["AAPL"].Quantity);
        Assert.Equal(cash - 300m, view.Cash);
    }

    [Fact]
    public void A_ticker_follows_its_quotes_topic_and_recovers_its_last_quote_from_a_snapshot()
    {
        var ticker = Sys.ActorOf(TickerEntity.Props("TSLA", Entities.Settings), "tsla-1");
        ticker.Tell(new GetQuote());
        Assert.Null(ExpectMsg<QuoteReply>().Quote);
        DistributedPubSub.Get(Sys).Publish(TickerEntity.Topic("TSLA"), new Quote("TSLA", T0, 250.10m, 3m, 250.30m, 4m));
        ticker.Tell(new GetQuote());
        Assert.Equal(new TickerQuote("TSLA", 250.10m, 3m, 250.30m, 4m, T0), ExpectMsg<QuoteReply>().Quote);

        Advance(Entities.Settings.TickerSnapshotInterval); // the interval snapshot
        var store = Serenity.Persistence.Persistence.Get(Sys).Snapshots.Store;
        AwaitCondition(() => store.LoadAsync("ticker-TSLA", Serenity.Persistence.Snapshots.SnapshotSelectionCriteria.Latest, CancellationToken.None).GetAwaiter().GetResult() is not null, Bound);
        StopAndWait(ticker);
        var again = Sys.ActorOf(TickerEntity.Props("TSLA", Entities.Settings), "tsla-2");
        again.Tell(new GetQuote());
        Assert.Equal(250.30m, ExpectMsg<QuoteReply>().Quote?.Ask);
    }

    private static Fill NewFill(long seq, OrderSide side, decimal qty, decimal price) =>
        new($"f-{seq}", seq, $"o-{seq}", null, "AAPL", side, qty, price, T0);

    /// <summary>The actor behind a sharded entity's reference: the sender of its answer to <paramref name="query"/>.</summary>
    private IActorRef EntityActor(ICanTell entity, object query)
    {
        entity.Tell(query, TestActor);
        ReceiveN(1, Bound);
        return LastSender;
    }

        /// <summary>A fresh account actor for <paramref name="user"/> (not through sharding: the tests restart it by hand), registered.</summary>
    private IActorRef RegisteredAccount(string user, string name)
    {
        var account = Sys.ActorOf(AccountEntity.Props(user, Entities.Settings), name);
        account.Tell(new Register(user, "correct horse"));
        ExpectMsg(CommandResult.Ok);
        return account;
    }
}
