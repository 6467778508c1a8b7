using Serenity.Risk.Scenarios;

namespace Serenity.Risk.Measures;

/// <summary>
/// The sample covariance matrix (divisor M - 1) of some symbols' returns over the newest M scenarios they
/// all cover. <see cref="PortfolioRiskCalculator"/> gets the same w' S w from the P/L series in O(M x n);
/// this explicit O(M x n^2) form is for inspection and for checking that identity.
/// </summary>
public sealed class CovarianceMatrix
{
    private readonly double[,] _values;

    private CovarianceMatrix(IReadOnlyList<string> symbols, double[,] values, int scenarioCount)
    {
        Symbols = symbols;
        _values = values;
        ScenarioCount = scenarioCount;
    }

    /// <summary>The symbols, in row order.</summary>
    public IReadOnlyList<string> Symbols { get; }

    /// <summary>Scenarios used (M).</summary>
    public int ScenarioCount { get; }

    /// <summary>Covariance of symbols <paramref name="i"/> and <paramref name="j"/>.</summary>
    public double this[int i, int j] => _values[i, j];

    /// <summary>Builds the matrix of <paramref name="symbols"/> (each must have a row in <paramref name="scenarios"/>).</summary>
    public static CovarianceMatrix From(ScenarioSet scenarios, IReadOnlyList<string> symbols)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(symbols);
        var n = symbols.Count;
        var rows = new int[n];
        var m = scenarios.Count;
        for (var i = 0; i < n; i++)
        {
            if (!scenarios.TryGetRow(symbols[i], out rows[i])) throw new ArgumentException($"no returns for {symbols[i]}", nameof(symbols));
            m = Math.Min(m, scenarios.Coverage(rows[i]));
        }
        var offset = scenarios.Count - m;
        var means = new double[n];
        for (var i = 0; i < n; i++) means[i] = m == 0 ? 0 : VectorMath.Sum(scenarios.Returns(rows[i]).Slice(offset, m)) / m;
        var values = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            var x = scenarios.Returns(rows[i]).Slice(offset, m);
            for (var j = 0; j <= i; j++)
            {
                var y = scenarios.Returns(rows[j]).Slice(offset, m);
                var s = 0.0;
                for (var t = 0; t < m; t++) s += (x[t] - means[i]) * (y[t] - means[j]);
                values[i, j] = values[j, i] = m < 2 ? 0 : s / (m - 1);
            }
        }
        return new CovarianceMatrix(symbols, values, m);
    }

    /// <summary>w' S w: the variance of the P/L of a portfolio with values <paramref name="weights"/> (in row order).</summary>
    public double PortfolioVariance(ReadOnlySpan<double> weights)
    {
        var n = Symbols.Count;
        if (weights.Length != n) throw new ArgumentException($"expected {n} weights", nameof(weights));
        var s = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) s += weights[i] * _values[i, j] * weights[j];
        }
        return s;
    }

    /// <summary>Parametric VaR z x sqrt(w' S w) of a portfolio with values <paramref name="weights"/>.</summary>
    public double ParametricVar(ReadOnlySpan<double> weights, VarConfidence confidence) =>
        RiskQuantile.Z(confidence) * Math.Sqrt(Math.Max(0, PortfolioVariance(weights)));
}
