using Serenity.Risk.Measures;

namespace Serenity.Risk.Tests;

public sealed class ContributionAndExposureTests
{
    [Fact]
    public void Contributions_of_each_kind_sum_to_the_portfolio_figure()
    {
        var returns = RiskFixtures.RandomReturns(4, 60, seed: 5);
        var scenarios = RiskFixtures.Scenarios(("A", returns[0]), ("B", returns[1]), ("C", returns[2]), ("D", returns[3]));
        RiskPosition[] positions = [new("A", 10m, 100m), new("B", -30m, 55m), new("C", 7m, 410m), new("D", 100m, 12.5m)];
        var report = new PortfolioRiskCalculator().Compute(scenarios, positions, 1_000m, includeContributions: true);
        var c = report.Contributions;
        Assert.Equal(4, c.Count);
        Assert.Equal(["A", "B", "C", "D"], c.Select(x => x.Symbol));
        HistoricalVarTests.AssertMoney(report.Historical95.Var, c.Sum(x => x.HistoricalVar95));
        HistoricalVarTests.AssertMoney(report.Historical99.Var, c.Sum(x => x.HistoricalVar99));
        HistoricalVarTests.AssertMoney(report.Historical95.ExpectedShortfall, c.Sum(x => x.ExpectedShortfall95));
        HistoricalVarTests.AssertMoney(report.Historical99.ExpectedShortfall, c.Sum(x => x.ExpectedShortfall99));
        HistoricalVarTests.AssertMoney(report.Parametric95.Var, c.Sum(x => x.ParametricVar95));
        HistoricalVarTests.AssertMoney(report.Parametric99.Var, c.Sum(x => x.ParametricVar99));
    }

    [Fact]
    public void Hand_computed_contributions_of_two_positions()
    {
        // Scenario P/L: A 1,000 x r_a + B 500 x r_b; the worst (k = 1 of 4) is scenario 2: -20 - 5 = -25.
        double[] a = [0.01, -0.02, 0.0, 0.01];
        double[] b = [-0.01, -0.01, 0.02, 0.0];
        var report = new PortfolioRiskCalculator().Compute(
            RiskFixtures.Scenarios(("A", a), ("B", b)), [new("A", 10m, 100m), new("B", 5m, 100m)], 0m, includeContributions: true);
        HistoricalVarTests.AssertMoney(25m, report.Historical95.Var);
        HistoricalVarTests.AssertMoney(20m, report.Contributions[0].HistoricalVar95);
        HistoricalVarTests.AssertMoney(5m, report.Contributions[1].HistoricalVar95);
    }

    [Fact]
    public void Exposure_gross_net_and_concentration()
    {
        RiskPosition[] positions = [new("A", 10m, 100m), new("B", -30m, 100m), new("C", 20m, 50m)];
        var e = PortfolioRiskCalculator.Exposure(positions, 7_000m, out var value);
        Assert.Equal(5_000m, e.Gross);
        Assert.Equal(-1_000m, e.Net);
        Assert.Equal(6_000m, value);
        Assert.Equal(5_000.0 / 6_000, e.GrossFraction, 12);
        Assert.Equal(-1_000.0 / 6_000, e.NetFraction, 12);
        Assert.Equal("B", e.LargestSymbol);
        Assert.Equal(0.6, e.LargestShare, 12);
    }

    [Fact]
    public void Exposure_of_no_positions_and_fractions_of_a_non_positive_value()
    {
        var empty = PortfolioRiskCalculator.Exposure([], 100m, out var value);
        Assert.Equal(100m, value);
        Assert.Null(empty.LargestSymbol);
        Assert.Equal(0, empty.LargestShare);
        var underwater = PortfolioRiskCalculator.Exposure([new RiskPosition("A", -10m, 100m)], 500m, out var v2);
        Assert.Equal(-500m, v2);
        Assert.True(double.IsNaN(underwater.GrossFraction));
    }
}
