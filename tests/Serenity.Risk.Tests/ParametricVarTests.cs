using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Serenity.Risk.Measures;

namespace Serenity.Risk.Tests;

public sealed class ParametricVarTests
{
    private readonly PortfolioRiskCalculator _calculator = new();

    [Fact]
    public void Normal_quantiles_and_the_es_multiplier_match_an_independent_normal_distribution()
    {
        Assert.Equal(RiskQuantile.Z95, Normal.InvCDF(0, 1, 0.95), 12);
        Assert.Equal(RiskQuantile.Z99, Normal.InvCDF(0, 1, 0.99), 12);
        Assert.Equal(Normal.PDF(0, 1, RiskQuantile.Z95) / 0.05, RiskQuantile.EsMultiplier(VarConfidence.Percent95), 12);
        Assert.Equal(Normal.PDF(0, 1, RiskQuantile.Z99) / 0.01, RiskQuantile.EsMultiplier(VarConfidence.Percent99), 12);
    }

    [Fact]
    public void Hand_computed_two_scenarios()
    {
        // P/L 10 and -10: mean 0, sample variance (100 + 100) / 1 = 200.
        var report = _calculator.Compute(RiskFixtures.Scenarios(("A", [0.01, -0.01])), [new RiskPosition("A", 10m, 100m)], 0m);
        var sigma = Math.Sqrt(200);
        HistoricalVarTests.AssertMoney((decimal)(1.6448536269514722 * sigma), report.Parametric95.Var);
        HistoricalVarTests.AssertMoney((decimal)(2.3263478740408408 * sigma), report.Parametric99.Var);
        HistoricalVarTests.AssertMoney((decimal)(sigma * 0.10313564037537139 / 0.05), report.Parametric95.ExpectedShortfall);
        Assert.Equal(1.6448536269514722 * sigma / 1000, report.Parametric95.VarFraction, 12);
    }

    [Fact]
    public void Sixty_returns_five_positions_match_the_covariance_matrix_computed_independently()
    {
        var returns = RiskFixtures.RandomReturns(5, 60, seed: 3);
        string[] symbols = ["A", "B", "C", "D", "E"];
        var scenarios = RiskFixtures.Scenarios(symbols.Select((s, i) => (s, returns[i])).ToArray());
        RiskPosition[] positions = [new("A", 10m, 100m), new("B", -30m, 55m), new("C", 7m, 410m), new("D", 100m, 12.5m), new("E", 3m, 900m)];
        var report = _calculator.Compute(scenarios, positions, 0m);

        // Independent: S = Xc' Xc / (M - 1) with MathNet matrices, sigma^2 = w' S w.
        var x = Matrix<double>.Build.Dense(60, 5, (t, i) => returns[i][t]);
        var means = x.ColumnSums() / 60;
        var centered = Matrix<double>.Build.Dense(60, 5, (t, i) => x[t, i] - means[i]);
        var s = centered.TransposeThisAndMultiply(centered) / 59;
        var w = Vector<double>.Build.Dense(positions.Select(p => (double)p.Value).ToArray());
        var sigma = Math.Sqrt(w * (s * w));
        HistoricalVarTests.AssertMoney((decimal)(Normal.InvCDF(0, 1, 0.95) * sigma), report.Parametric95.Var, 1e-7m);
        HistoricalVarTests.AssertMoney((decimal)(Normal.InvCDF(0, 1, 0.99) * sigma), report.Parametric99.Var, 1e-7m);
        HistoricalVarTests.AssertMoney((decimal)(sigma * Normal.PDF(0, 1, Normal.InvCDF(0, 1, 0.99)) / 0.01), report.Parametric99.ExpectedShortfall, 1e-7m);

        // The explicit covariance matrix agrees entry by entry, and its w' S w gives the same VaR.
        var matrix = CovarianceMatrix.From(scenarios, symbols);
        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++) Assert.Equal(s[i, j], matrix[i, j], 1e-15);
        }
        HistoricalVarTests.AssertMoney((decimal)matrix.ParametricVar(w.ToArray(), VarConfidence.Percent95), report.Parametric95.Var, 1e-7m);
    }
}
