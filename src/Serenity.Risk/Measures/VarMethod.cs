namespace Serenity.Risk.Measures;

/// <summary>How a VaR figure is computed.</summary>
public enum VarMethod
{
    /// <summary>Historical simulation: the quantile of the portfolio's P/L over the window's scenarios.</summary>
    Historical,

    /// <summary>Variance-covariance: z x the standard deviation of the portfolio's P/L from the window's covariance matrix.</summary>
    Parametric,
}
