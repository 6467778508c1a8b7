using Serenity.Risk.Measures;

namespace Serenity.Risk.Tests;

public sealed class HistoricalVarTests
{
    private readonly PortfolioRiskCalculator _calculator = new();

    [Fact]
    public void Hand_computed_40_scenarios_one_position()
    {
        // 40 scenarios: k = ceil(40 x 0.05) = 2 at 95%, ceil(40 x 0.01) = 1 at 99%.
        var r = new double[40];
        r[5] = -0.04;
        r[17] = -0.03;
        r[30] = -0.02;
        r[8] = 0.05;
        var report = _calculator.Compute(RiskFixtures.Scenarios(("A", r)), [new RiskPosition("A", 10m, 100m)], 9_000m);
        Assert.Equal(40, report.ScenarioCount);
        Assert.Equal(10_000m, report.PortfolioValue);
        AssertMoney(30m, report.Historical95.Var);                // second-worst P/L: -30
        AssertMoney(35m, report.Historical95.ExpectedShortfall);  // mean of -40, -30
        AssertMoney(40m, report.Historical99.Var);
        AssertMoney(40m, report.Historical99.ExpectedShortfall);
        Assert.Equal(0.003, report.Historical95.VarFraction, 12);
        Assert.Equal(0.0035, report.Historical95.ExpectedShortfallFraction, 12);
    }

    [Fact]
    public void Hand_computed_short_and_long_positions_use_portfolio_pl_not_the_sum_of_vars()
    {
        // A long 1,000, B long 1,000, B's returns mirror A's: every scenario's P/L is 0.
        double[] a = [0.01, -0.02, 0.03, -0.01, 0.02, -0.03, 0.0, 0.01, -0.01, 0.02];
        var b = a.Select(x => -x).ToArray();
        var scenarios = RiskFixtures.Scenarios(("A", a), ("B", b));
        var hedged = _calculator.Compute(scenarios, [new("A", 10m, 100m), new("B", 20m, 50m)], 0m);
        AssertMoney(0m, hedged.Historical95.Var);
        AssertMoney(0m, hedged.Parametric95.Var);
        var aAlone = _calculator.Compute(scenarios, [new("A", 10m, 100m)], 0m);
        AssertMoney(30m, aAlone.Historical95.Var); // 10 scenarios: k = 1, worst = -3%

        // A long 1,000 and B short 1,000 (same returns as A's mirror): P/L = 2 x 1,000 x a.
        var doubled = _calculator.Compute(scenarios, [new("A", 10m, 100m), new("B", -20m, 50m)], 5_000m);
        AssertMoney(60m, doubled.Historical95.Var);
        AssertMoney(60m, doubled.Historical99.ExpectedShortfall);
        Assert.Equal(5_000m, doubled.PortfolioValue);
    }

    [Fact]
    public void Sixty_returns_three_positions_match_a_full_sort()
    {
        var returns = RiskFixtures.RandomReturns(3, 60, seed: 11);
        var scenarios = RiskFixtures.Scenarios(("A", returns[0]), ("B", returns[1]), ("C", returns[2]));
        RiskPosition[] positions = [new("A", 100m, 150m), new("B", -40m, 320m), new("C", 250m, 41.5m)];
        var report = _calculator.Compute(scenarios, positions, 20_000m);

        // Independent: P/L per scenario in decimal arithmetic, fully sorted; 95% of 60 is the 3rd worst.
        var pl = Enumerable.Range(0, 60)
            .Select(t => positions.Select((p, i) => p.Value * (decimal)returns[i][t]).Sum())
            .Order().ToArray();
        Assert.Equal(60, report.ScenarioCount);
        AssertMoney(-pl[2], report.Historical95.Var);
        AssertMoney(-(pl[0] + pl[1] + pl[2]) / 3, report.Historical95.ExpectedShortfall);
        AssertMoney(-pl[0], report.Historical99.Var);
        AssertMoney(-pl[0], report.Historical99.ExpectedShortfall);
        Assert.True(report.Historical95.Var > 0m);
    }

    [Fact]
    public void Positions_without_history_are_reported_and_left_out()
    {
        double[] a = [0.01, -0.02, 0.03];
        var report = _calculator.Compute(RiskFixtures.Scenarios(("A", a)), [new("A", 10m, 100m), new("Z", 5m, 10m)], 0m);
        Assert.Equal(["Z"], report.UncoveredSymbols);
        AssertMoney(20m, report.Historical95.Var);
        Assert.True(report.HasScenarios);
    }

    [Fact]
    public void Without_scenarios_the_figures_are_zero_and_flagged()
    {
        var report = _calculator.Compute(Serenity.Risk.Scenarios.ScenarioSet.Empty, [new("A", 10m, 100m)], 0m);
        Assert.False(report.HasScenarios);
        Assert.Equal(0m, report.Historical95.Var);
        Assert.Null(report.AsOf);
        Assert.Equal(["A"], report.UncoveredSymbols);
    }

    internal static void AssertMoney(decimal expected, decimal actual, decimal tolerance = 0.000001m) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected}, got {actual}");
}
