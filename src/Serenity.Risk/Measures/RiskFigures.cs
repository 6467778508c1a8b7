namespace Serenity.Risk.Measures;

/// <summary>VaR and Expected Shortfall at one confidence level, as money and as a fraction of portfolio value.</summary>
/// <param name="Var">Value at Risk (a loss, positive) over one bar.</param>
/// <param name="ExpectedShortfall">Mean loss at and beyond VaR.</param>
/// <param name="VarFraction">VaR / portfolio value (NaN when the value is not positive).</param>
/// <param name="ExpectedShortfallFraction">ES / portfolio value (NaN when the value is not positive).</param>
public readonly record struct RiskFigures(decimal Var, decimal ExpectedShortfall, double VarFraction, double ExpectedShortfallFraction)
{
    internal static RiskFigures From(double var, double es, decimal portfolioValue)
    {
        var value = (double)portfolioValue;
        return new RiskFigures(Money.From(var), Money.From(es), Fraction(var, value), Fraction(es, value));
    }

    internal static double Fraction(double amount, double portfolioValue) => portfolioValue > 0 ? amount / portfolioValue : double.NaN;
}
