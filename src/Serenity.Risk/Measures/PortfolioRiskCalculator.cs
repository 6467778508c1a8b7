using Serenity.Risk.Scenarios;

namespace Serenity.Risk.Measures;

/// <summary>
/// Computes a portfolio's VaR, ES, contributions and exposure from aligned return scenarios. A scenario's
/// P/L is sum over positions of value x return (positions valued at current prices), so the portfolio VaR
/// is the quantile of the portfolio's P/L, not a sum of per-symbol VaRs. Parametric VaR is z x sigma, with
/// sigma^2 = w' S w (S the window's sample covariance matrix, w the position values), computed as the sample
/// variance of the same P/L series, which equals w' S w exactly. Holds scratch buffers: one instance per
/// thread; allocation per call is the report only.
/// </summary>
public sealed class PortfolioRiskCalculator
{
    private double[] _pl = new double[64];
    private double[] _tail = new double[8];
    private int[] _tailIndex = new int[8];
    private double[] _values = new double[32];
    private decimal[] _moneyValues = new decimal[32];
    private int[] _rows = new int[32];

    /// <summary>Risk of <paramref name="positions"/> plus <paramref name="cash"/> over <paramref name="scenarios"/>.</summary>
    public RiskReport Compute(ScenarioSet scenarios, IReadOnlyList<RiskPosition> positions, decimal cash, bool includeContributions = false) =>
        Compute(scenarios, positions, [], cash, includeContributions);

    /// <summary>
    /// As <see cref="Compute(ScenarioSet, IReadOnlyList{RiskPosition}, decimal, bool)"/>, with each position's row in
    /// <paramref name="scenarios"/> already found (-1: none; empty: found here), for a caller that looked them up anyway.
    /// </summary>
    internal RiskReport Compute(ScenarioSet scenarios, IReadOnlyList<RiskPosition> positions, ReadOnlySpan<int> rows, decimal cash, bool includeContributions)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(positions);
        var n = positions.Count;
        Ensure(ref _values, n);
        Ensure(ref _moneyValues, n);
        Ensure(ref _rows, n);
        // Each position's value once (decimal products are not cheap): exposure, P/L weights and contributions share it.
        for (var i = 0; i < n; i++) _moneyValues[i] = positions[i].Value;
        var exposure = Exposure(positions, _moneyValues.AsSpan(0, n), cash, out var portfolioValue);
        List<string>? uncovered = null;
        var m = int.MaxValue;
        for (var i = 0; i < n; i++)
        {
            var p = positions[i];
            var value = _moneyValues[i];
            _values[i] = (double)value;
            _rows[i] = -1;
            if (value == 0m) continue;
            var row = -1;
            if ((rows.IsEmpty ? scenarios.TryGetRow(p.Symbol, out row) : (row = rows[i]) >= 0) && scenarios.Coverage(row) > 0)
            {
                _rows[i] = row;
                m = Math.Min(m, scenarios.Coverage(row));
            }
            else
            {
                (uncovered ??= []).Add(p.Symbol);
            }
        }
        if (m == int.MaxValue) m = 0;
        var offset = scenarios.Count - m;
        Ensure(ref _pl, m);
        var pl = _pl.AsSpan(0, m);
        pl.Clear();
        for (var i = 0; i < n; i++)
        {
            if (_rows[i] >= 0) VectorMath.MultiplyAdd(_values[i], scenarios.Returns(_rows[i]).Slice(offset, m), pl);
        }
        var tail = new TailFigures();
        var sigma = 0.0;
        var mean = 0.0;
        if (m >= 2)
        {
            tail = SelectTail(pl);
            mean = VectorMath.Sum(pl) / m;
            sigma = Math.Sqrt(VectorMath.SampleVariance(pl, mean));
        }
        var contributions = includeContributions && m >= 2
            ? Contributions(scenarios, positions, offset, pl, tail, mean, sigma)
            : (IReadOnlyList<PositionContribution>)[];
        return new RiskReport(
            m > 0 ? scenarios.End : null,
            m,
            portfolioValue,
            RiskFigures.From(tail.Var95, tail.Es95, portfolioValue),
            RiskFigures.From(tail.Var99, tail.Es99, portfolioValue),
            RiskFigures.From(RiskQuantile.Z95 * sigma, RiskQuantile.EsMultiplier(VarConfidence.Percent95) * sigma, portfolioValue),
            RiskFigures.From(RiskQuantile.Z99 * sigma, RiskQuantile.EsMultiplier(VarConfidence.Percent99) * sigma, portfolioValue),
            exposure,
            contributions,
            (IReadOnlyList<string>?)uncovered ?? []);
    }

    /// <summary>Gross and net exposure, concentration and portfolio value (cash + net).</summary>
    public static ExposureFigures Exposure(IReadOnlyList<RiskPosition> positions, decimal cash, out decimal portfolioValue)
    {
        ArgumentNullException.ThrowIfNull(positions);
        return Exposure(positions, [.. positions.Select(p => p.Value)], cash, out portfolioValue);
    }

    private static ExposureFigures Exposure(IReadOnlyList<RiskPosition> positions, ReadOnlySpan<decimal> values, decimal cash, out decimal portfolioValue)
    {
        decimal gross = 0m, net = 0m, largest = 0m;
        string? largestSymbol = null;
        for (var i = 0; i < positions.Count; i++)
        {
            var value = values[i];
            var size = Math.Abs(value);
            gross += size;
            net += value;
            if (size > largest)
            {
                largest = size;
                largestSymbol = positions[i].Symbol;
            }
        }
        portfolioValue = cash + net;
        var pv = (double)portfolioValue;
        return new ExposureFigures(
            gross,
            net,
            RiskFigures.Fraction((double)gross, pv),
            RiskFigures.Fraction((double)net, pv),
            largestSymbol,
            gross > 0m ? (double)(largest / gross) : 0);
    }

    private TailFigures SelectTail(ReadOnlySpan<double> pl)
    {
        var k95 = RiskQuantile.TailCount(pl.Length, VarConfidence.Percent95);
        var k99 = RiskQuantile.TailCount(pl.Length, VarConfidence.Percent99);
        Ensure(ref _tail, k95);
        Ensure(ref _tailIndex, k95);
        var tail = _tail.AsSpan(0, k95);
        TailSelector.SelectSmallest(pl, tail, _tailIndex.AsSpan(0, k95));
        return new TailFigures(
            k95,
            k99,
            -tail[k95 - 1],
            -VectorMath.Sum(tail) / k95,
            -tail[k99 - 1],
            -VectorMath.Sum(tail[..k99]) / k99);
    }

    private PositionContribution[] Contributions(
        ScenarioSet scenarios, IReadOnlyList<RiskPosition> positions, int offset, ReadOnlySpan<double> pl, TailFigures tail, double mean, double sigma)
    {
        var m = pl.Length;
        var result = new PositionContribution[positions.Count];
        for (var i = 0; i < positions.Count; i++)
        {
            var p = positions[i];
            if (_rows[i] < 0)
            {
                result[i] = new PositionContribution(p.Symbol, _moneyValues[i], 0m, 0m, 0m, 0m, 0m, 0m);
                continue;
            }
            var r = scenarios.Returns(_rows[i]).Slice(offset, m);
            var v = _values[i];
            // cov(v r, pl) = v x sum r_j (pl_j - mean) / (m - 1), as sum (pl_j - mean) = 0.
            var covariance = 0.0;
            for (var j = 0; j < m; j++) covariance += r[j] * (pl[j] - mean);
            covariance *= v / (m - 1);
            var beta = sigma > 0 ? covariance / sigma : 0;
            var var99 = Money.From(-v * r[_tailIndex[tail.K99 - 1]]);
            result[i] = new PositionContribution(
                p.Symbol,
                _moneyValues[i],
                Money.From(-v * r[_tailIndex[tail.K95 - 1]]),
                var99,
                Money.From(-v * TailMean(r, tail.K95)),
                tail.K99 == 1 ? var99 : Money.From(-v * TailMean(r, tail.K99)), // one tail scenario: ES is that VaR
                Money.From(RiskQuantile.Z95 * beta),
                Money.From(RiskQuantile.Z99 * beta));
        }
        return result;
    }

    private double TailMean(ReadOnlySpan<double> returns, int k)
    {
        var s = 0.0;
        for (var t = 0; t < k; t++) s += returns[_tailIndex[t]];
        return s / k;
    }

    private static void Ensure<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new T[Math.Max(length, buffer.Length * 2)];
    }

    private readonly record struct TailFigures(int K95, int K99, double Var95, double Es95, double Var99, double Es99);
}
