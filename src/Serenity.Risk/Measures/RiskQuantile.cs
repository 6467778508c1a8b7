namespace Serenity.Risk.Measures;

/// <summary>
/// The quantile convention, stated once for the whole project. Over M scenarios of portfolio P/L sorted
/// ascending (worst first), VaR at confidence c is the loss of the k-th worst scenario with
/// k = ceil(M x (1 - c)), at least 1: for M = 60, k = 3 at 95% and k = 1 at 99%. Expected Shortfall is the
/// mean loss of those k worst scenarios (the VaR scenario and the ones beyond it), so ES &gt;= VaR.
/// Losses are positive numbers (VaR = -P/L of the k-th worst scenario); the horizon is one bar (one minute).
/// </summary>
public static class RiskQuantile
{
    /// <summary>The standard normal 95% quantile, z(0.95).</summary>
    public const double Z95 = 1.6448536269514722;

    /// <summary>The standard normal 99% quantile, z(0.99).</summary>
    public const double Z99 = 2.3263478740408408;

    /// <summary>Number of worst scenarios k (the order statistic) for <paramref name="scenarios"/> scenarios.</summary>
    public static int TailCount(int scenarios, VarConfidence confidence)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scenarios);
        // Whole hundredths avoid 60 x (1 - 0.95) = 3.0000000000000027 rounding up to 4.
        var hundredths = confidence == VarConfidence.Percent99 ? 1 : 5;
        var k = ((scenarios * hundredths) + 99) / 100;
        return Math.Clamp(k, 1, scenarios);
    }

    /// <summary>The confidence level as a probability (0.95 or 0.99).</summary>
    public static double Level(VarConfidence confidence) => confidence == VarConfidence.Percent99 ? 0.99 : 0.95;

    /// <summary>The standard normal quantile at the confidence level.</summary>
    public static double Z(VarConfidence confidence) => confidence == VarConfidence.Percent99 ? Z99 : Z95;

    /// <summary>
    /// The normal Expected Shortfall multiplier phi(z) / (1 - c): parametric ES = sigma x this.
    /// </summary>
    public static double EsMultiplier(VarConfidence confidence)
    {
        var z = Z(confidence);
        return Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI) / (1 - Level(confidence));
    }
}
