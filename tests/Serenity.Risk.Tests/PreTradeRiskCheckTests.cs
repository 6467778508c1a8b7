using Serenity.Hocon;
using Serenity.Risk.Checks;
using Serenity.Risk.Measures;

namespace Serenity.Risk.Tests;

public sealed class PreTradeRiskCheckTests
{
    // 20 scenarios of A: k = 1, the worst return is -5%, so historical VaR 95% = 5% of A's value.
    private static readonly double[] s_a = [.. Enumerable.Repeat(0.01, 19), -0.05];
    private static readonly double[] s_b = [.. Enumerable.Repeat(-0.002, 19), 0.05]; // hedges A's worst scenario

    private static PreTradeRiskCheck Check(string hocon) =>
        new(RiskSettings.From(ConfigurationFactory.ParseString(hocon)));

    private static readonly Serenity.Risk.Scenarios.ScenarioSet s_scenarios = RiskFixtures.Scenarios(("A", s_a), ("B", s_b));

    [Fact]
    public void An_order_over_the_max_order_value_is_rejected_first()
    {
        var check = Check("serenity.risk.limits { max-order-value = 1000, max-position-value = 10, max-var-after-trade = 0 }");
        var d = check.Check("alice", new ProposedOrder("A", 11m, 100m), [], 10_000m, s_scenarios);
        Assert.False(d.Accepted);
        Assert.Equal("quantity", d.Field);
        Assert.Equal("order value 1100 exceeds the max order value 1000", d.Reason);
        var atLimit = check.Check("alice", new ProposedOrder("A", 10m, 100m), [], 10_000m, s_scenarios); // passes the order limit
        Assert.Equal("A position value after the trade 1000 exceeds the max position value 10", atLimit.Reason);
    }

    [Fact]
    public void A_position_over_the_max_position_value_is_rejected_but_reducing_it_passes()
    {
        var check = Check("serenity.risk.limits { max-order-value = none, max-position-value = 5000, max-var-after-trade = none }");
        RiskPosition[] held = [new("A", 40m, 100m)];
        var d = check.Check("bob", new ProposedOrder("A", 11m, 100m), held, 0m, s_scenarios);
        Assert.False(d.Accepted);
        Assert.Equal("quantity", d.Field);
        Assert.Equal("A position value after the trade 5100 exceeds the max position value 5000", d.Reason);
        Assert.True(check.Check("bob", new ProposedOrder("A", 10m, 100m), held, 0m, s_scenarios).Accepted);
        RiskPosition[] over = [new("A", 80m, 100m)];
        Assert.True(check.Check("bob", new ProposedOrder("A", -10m, 100m), over, 0m, s_scenarios).Accepted); // 7,000 > 5,000 but smaller
        Assert.False(check.Check("bob", new ProposedOrder("A", -200m, 100m), over, 0m, s_scenarios).Accepted); // flips to short 12,000
    }

    [Fact]
    public void A_trade_that_lifts_var_over_the_limit_is_rejected_with_the_figures()
    {
        var check = Check("serenity.risk.limits { max-order-value = none, max-position-value = none, max-var-after-trade = 300 }");
        RiskPosition[] held = [new("A", 50m, 100m)]; // VaR = 5% of 5,000 = 250
        var d = check.Check("carol", new ProposedOrder("A", 20m, 100m), held, 10_000m, s_scenarios);
        Assert.False(d.Accepted);
        Assert.Equal("quantity", d.Field);
        Assert.Equal("portfolio VaR after the trade 350.00 exceeds the max VaR 300 (historical 95%, one minute)", d.Reason);
        HistoricalVarTests.AssertMoney(250m, d.VarBefore!.Value);
        HistoricalVarTests.AssertMoney(350m, d.VarAfter!.Value);
        var ok = check.Check("carol", new ProposedOrder("A", 10m, 100m), held, 10_000m, s_scenarios);
        Assert.True(ok.Accepted);
        HistoricalVarTests.AssertMoney(300m, ok.VarAfter!.Value);
    }

    [Fact]
    public void A_trade_that_lowers_var_passes_even_over_the_limit_and_a_symbol_without_history_is_rejected()
    {
        var check = Check("serenity.risk.limits { max-order-value = none, max-position-value = none, max-var-after-trade = 100 }");
        RiskPosition[] held = [new("A", 50m, 100m)]; // VaR 250, over the limit already
        var hedge = check.Check("dave", new ProposedOrder("B", 50m, 100m), held, 10_000m, s_scenarios);
        Assert.True(hedge.Accepted);
        Assert.True(hedge.VarAfter < hedge.VarBefore);
        var unknown = check.Check("dave", new ProposedOrder("Z", 1m, 10m), held, 10_000m, s_scenarios);
        Assert.False(unknown.Accepted);
        Assert.Equal("symbol", unknown.Field);
        Assert.Equal("no return history for Z to compute the VaR after the trade", unknown.Reason);
    }

    [Fact]
    public void Limits_are_per_account_with_the_defaults_behind_them()
    {
        var check = Check("""
            serenity.risk {
              limits { max-order-value = 1000, max-position-value = none, max-var-after-trade = none }
              accounts { "vip.user" { max-order-value = 50000 } }
            }
            """);
        var order = new ProposedOrder("A", 20m, 100m);
        Assert.False(check.Check("alice", order, [], 0m, s_scenarios).Accepted);
        Assert.True(check.Check("vip.user", order, [], 0m, s_scenarios).Accepted);
    }
}
