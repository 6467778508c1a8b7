using Serenity.Hocon;

namespace Serenity.Trading.Tests;

/// <summary>The account's bounded order and trade histories through a snapshot, also into a smaller configured size.</summary>
public sealed class AccountHistoryStateTests
{
    private static readonly DateTime T0 = new(2026, 1, 5, 15, 0, 0, DateTimeKind.Utc);
    private static readonly TradingSettings Defaults = TradingSettings.From(ConfigurationFactory.Empty.WithFallback(Serenity.Actors.Settings.Reference));

    [Fact]
    public void Histories_are_newest_first_and_a_snapshot_restores_the_newest_that_fit()
    {
        var state = new AccountState(Defaults with { OrderHistorySize = 3, TradeHistorySize = 3 });
        for (var n = 1; n <= 5; n++)
        {
            var fill = new Fill($"u-fill-{n}", n, $"u-{n}", null, "AAPL", OrderSide.Buy, n, 100m + n, T0.AddSeconds(n));
            var order = new OrderView($"u-{n}", null, "AAPL", OrderSide.Buy, OrderType.Market, TimeInForce.Day, n, null, n, 100m + n, OrderStatus.Filled, T0, T0.AddSeconds(n));
            state.Apply(new OrderFilled(fill) { Order = order });
        }
        state.Apply(new OrderForwarded("u-4", "alp-4", null, T0)); // a finished order's broker id lands in its history entry

        Assert.Equal(["u-5", "u-4", "u-3"], state.History.Select(o => o.OrderId));
        Assert.Equal(["u-fill-5", "u-fill-4", "u-fill-3"], state.Trades.Select(f => f.FillId));
        Assert.Equal("alp-4", state.Find("u-4")?.BrokerOrderId);
        Assert.Equal(103m, state.Find("u-3")?.AverageFillPrice);
        Assert.Null(state.Find("u-2")); // dropped from the history

        var snapshot = state.ToSnapshot();
        var smaller = new AccountState(Defaults with { OrderHistorySize = 2, TradeHistorySize = 1 });
        smaller.Restore(snapshot);
        Assert.Equal(snapshot.History.Take(2), smaller.History);
        Assert.Equal(snapshot.Trades.Take(1), smaller.Trades);
        Assert.Equal(15m, smaller.Holdings["AAPL"]);
    }
}
