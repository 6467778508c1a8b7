using Serenity.Actors;
using Serenity.Cluster.Sharding;
using Serenity.TestKit;
using Xunit.Abstractions;

namespace Serenity.Trading.Tests;

/// <summary>With <c>pre-trade-check = on</c> the account asks the check entity first; its answer or silence decides.</summary>
public sealed class PreTradeCheckHookTests : TradingTestBase
{
    private readonly TestProbe _checker;

    public PreTradeCheckHookTests(ITestOutputHelper output) : base(output, "serenity.trading.pre-trade-check = on\nserenity.trading.pre-trade-check-timeout = 2s")
    {
        _checker = CreateTestProbe();
        var probe = _checker.Ref;
        ClusterSharding.Get(Sys).Start("risk", _ => Props.Create(() => new Forwarder(probe)));
    }

    [Fact]
    public async Task The_check_sees_the_order_as_it_would_fill_and_its_rejection_rejects_the_order()
    {
        Registered("ann");
        SetQuote("AAPL", 99m, 100m);
        var pending = Entities.Account("ann").Ask<OrderResult>(new SubmitOrder("AAPL", OrderSide.Buy, 3m, "c-1"), Bound);
        var request = _checker.ExpectMsg<PreTradeCheckRequest>();
        Assert.Equal(("ann", "AAPL", OrderSide.Buy, 3m, 100m, 10000m, 3m), (request.UserId, request.Symbol, request.Side, request.Quantity, request.Price, request.Cash, request.SignedQuantity));
        _checker.Reply(new PreTradeCheckResult(false, "quantity", "too risky"));
        var result = await pending;
        Assert.Equal((false, "quantity", "too risky"), (result.Accepted, result.Field, result.Reason));
        Assert.Equal(10000m, AskAccount<AccountView>("ann", new GetAccount()).Cash);

        var accepted = Entities.Account("ann").Ask<OrderResult>(new SubmitOrder("AAPL", OrderSide.Buy, 3m, "c-2"), Bound);
        _checker.ExpectMsg<PreTradeCheckRequest>();
        _checker.Reply(PreTradeCheckResult.Ok);
        Assert.True((await accepted).Accepted);
        Assert.Equal(3m, AskAccount<AccountView>("ann", new GetAccount()).Holdings["AAPL"]);
    }

    [Fact]
    public async Task A_repeat_of_a_client_order_id_while_the_check_runs_gets_the_same_result_and_trades_once()
    {
        Registered("ann");
        SetQuote("AAPL", 99m, 100m);
        var first = Entities.Account("ann").Ask<OrderResult>(new SubmitOrder("AAPL", OrderSide.Buy, 3m, "c-1"), Bound);
        _checker.ExpectMsg<PreTradeCheckRequest>();
        var second = Entities.Account("ann").Ask<OrderResult>(new SubmitOrder("AAPL", OrderSide.Buy, 3m, "c-1"), Bound);
        _checker.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        _checker.Reply(PreTradeCheckResult.Ok);
        Assert.Equal((await first).OrderId, (await second).OrderId);
        Assert.Single(AskAccount<TradesView>("ann", new GetTrades()).Trades);
    }

    [Fact]
    public async Task No_answer_in_time_rejects_with_a_clear_reason()
    {
        Registered("ann");
        SetQuote("AAPL", 99m, 100m);
        var pending = Entities.Account("ann").Ask<OrderResult>(new SubmitOrder("AAPL", OrderSide.Buy, 3m), Bound);
        _checker.ExpectMsg<PreTradeCheckRequest>();
        Advance(TimeSpan.FromSeconds(2));
        var result = await pending;
        Assert.Equal((false, "risk", "pre-trade risk check did not answer within 2 s"), (result.Accepted, result.Field, result.Reason));
    }

    [Fact]
    public void Rule_rejections_come_first_and_are_never_sent_to_the_check()
    {
        Registered("ann");
        SetQuote("AAPL", 99m, 100m);
        Assert.Equal("quantity", Submit("ann", new SubmitOrder("AAPL", OrderSide.Buy, 1000m)).Field); // insufficient cash
        _checker.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(IActorRef target) => ReceiveAny(m => target.Forward(m));
    }
}

/// <summary>With the check off (the default) nothing is asked.</summary>
public sealed class PreTradeCheckOffTests : TradingTestBase
{
    public PreTradeCheckOffTests(ITestOutputHelper output) : base(output)
    {
    }

    [Fact]
    public void Orders_are_decided_without_asking_and_an_unstarted_check_type_changes_nothing()
    {
        Assert.False(Entities.Settings.PreTradeCheck);
        Registered("ann");
        SetQuote("AAPL", 99m, 100m);
        Assert.True(Submit("ann", new SubmitOrder("AAPL", OrderSide.Buy, 3m)).Accepted);
    }

    [Fact]
    public void The_keys_are_read_from_config()
    {
        var s = TradingSettings.From(Serenity.Hocon.ConfigurationFactory.ParseString("serenity.trading { pre-trade-check = on, pre-trade-check-entity = limits, pre-trade-check-timeout = 750ms }"));
        Assert.Equal((true, "limits", TimeSpan.FromMilliseconds(750)), (s.PreTradeCheck, s.PreTradeCheckEntity, s.PreTradeCheckTimeout));
    }
}
