namespace Serenity.Risk.Measures;

/// <summary>A portfolio's risk figures at one moment.</summary>
/// <param name="AsOf">Timestamp of the newest scenario, or null without scenarios.</param>
/// <param name="ScenarioCount">Scenarios used (M): the newest columns every covered position's history reaches.</param>
/// <param name="PortfolioValue">Cash plus signed position values.</param>
/// <param name="Historical95">Historical-simulation VaR/ES at 95%.</param>
/// <param name="Historical99">Historical-simulation VaR/ES at 99%.</param>
/// <param name="Parametric95">Variance-covariance VaR (z x sigma) and normal ES (sigma x phi(z)/(1-c)) at 95%.</param>
/// <param name="Parametric99">The same at 99%.</param>
/// <param name="Exposure">Gross/net exposure and concentration.</param>
/// <param name="Contributions">Per-position contributions in the order of the positions, when asked for and with scenarios (otherwise empty).</param>
/// <param name="UncoveredSymbols">Held symbols without a return history: left out of VaR/ES.</param>
public sealed record RiskReport(
    DateTime? AsOf,
    int ScenarioCount,
    decimal PortfolioValue,
    RiskFigures Historical95,
    RiskFigures Historical99,
    RiskFigures Parametric95,
    RiskFigures Parametric99,
    ExposureFigures Exposure,
    IReadOnlyList<PositionContribution> Contributions,
    IReadOnlyList<string> UncoveredSymbols)
{
    /// <summary>True when there were at least two scenarios, so VaR/ES mean something (otherwise they are 0).</summary>
    public bool HasScenarios => ScenarioCount >= 2;

    /// <summary>The figures for one method and confidence.</summary>
    public RiskFigures Figures(VarMethod method, VarConfidence confidence) => (method, confidence) switch
    {
        (VarMethod.Historical, VarConfidence.Percent95) => Historical95,
        (VarMethod.Historical, _) => Historical99,
        (_, VarConfidence.Percent95) => Parametric95,
        _ => Parametric99,
    };
}
