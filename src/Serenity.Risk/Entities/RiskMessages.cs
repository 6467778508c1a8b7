using Serenity.Risk.Measures;

namespace Serenity.Risk.Entities;

/// <summary>The pub/sub topics the risk side publishes on.</summary>
public static class RiskTopics
{
    /// <summary><paramref name="userId"/>'s risk snapshots (<see cref="RiskSnapshot"/>), published only while someone subscribes.</summary>
    public static string Risk(string userId) => "risk." + userId;

    /// <summary><paramref name="userId"/>'s strategy signals (<see cref="Strategies.SignalUpdated"/>).</summary>
    public static string Signals(string userId) => "signals." + userId;
}

/// <summary>Asks a Risk entity for its <see cref="RiskView"/>.</summary>
public sealed record GetRisk
{
    /// <summary>The one instance.</summary>
    public static readonly GetRisk Instance = new();
}

/// <summary>
/// Asks a Risk entity for its <see cref="RiskSnapshot"/> alone: the same snapshot as in <see cref="RiskView"/>, without
/// building the history (for a caller that samples every minute, like the backtest).
/// </summary>
public sealed record GetRiskSnapshot
{
    /// <summary>The one instance.</summary>
    public static readonly GetRiskSnapshot Instance = new();
}

/// <summary>A user's risk now and its recent history (one point per scenario minute, oldest first).</summary>
public sealed record RiskView(string UserId, RiskSnapshot Snapshot, IReadOnlyList<RiskHistoryPoint> History);

/// <summary>
/// A user's portfolio risk at one moment: VaR and ES (historical and parametric, 95% and 99%, money and fraction of the
/// portfolio value) over one-minute horizons, per-position contributions, exposure, concentration and drawdown.
/// </summary>
/// <param name="UserId">The user.</param>
/// <param name="AsOf">Bar time of the newest scenario used, or null without scenarios.</param>
/// <param name="ComputedAt">When it was computed (the system clock).</param>
/// <param name="WindowLength">Returns per window (N).</param>
/// <param name="ScenarioCount">Scenarios used (M, at most N): the newest minutes every held symbol's window reaches.</param>
/// <param name="Cash">Cash, from the account.</param>
/// <param name="PortfolioValue">Cash plus the positions at their newest closes.</param>
/// <param name="Historical95">Historical-simulation VaR/ES at 95%.</param>
/// <param name="Historical99">Historical-simulation VaR/ES at 99%.</param>
/// <param name="Parametric95">Variance-covariance VaR and normal ES at 95%.</param>
/// <param name="Parametric99">Variance-covariance VaR and normal ES at 99%.</param>
/// <param name="Exposure">Gross and net exposure, concentration.</param>
/// <param name="Drawdown">Drawdown of the portfolio's value history.</param>
/// <param name="Positions">Held positions as valued, with their windows and contributions.</param>
/// <param name="UncoveredSymbols">Held symbols without return history yet (left out of VaR/ES).</param>
public sealed record RiskSnapshot(
    string UserId,
    DateTime? AsOf,
    DateTime ComputedAt,
    int WindowLength,
    int ScenarioCount,
    decimal Cash,
    decimal PortfolioValue,
    RiskFigures Historical95,
    RiskFigures Historical99,
    RiskFigures Parametric95,
    RiskFigures Parametric99,
    ExposureFigures Exposure,
    DrawdownView Drawdown,
    IReadOnlyList<RiskPositionView> Positions,
    IReadOnlyList<string> UncoveredSymbols);

/// <summary>One held position as the Risk entity values it, with its window and its shares of the portfolio figures.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Quantity">Signed quantity (negative = short).</param>
/// <param name="Price">The price it is valued at (the newest bar close; the last fill price before any bar).</param>
/// <param name="Value">Quantity x price.</param>
/// <param name="WindowReturns">Returns in the symbol's rolling window.</param>
/// <param name="Contribution">Contributions to the portfolio's VaR/ES, or null without scenarios.</param>
public sealed record RiskPositionView(string Symbol, decimal Quantity, decimal Price, decimal Value, int WindowReturns, PositionContribution? Contribution);

/// <summary>Drawdown of the portfolio's value history (equity points of the Portfolio entity).</summary>
/// <param name="MaxAmount">Peak minus trough of the largest relative fall.</param>
/// <param name="MaxFraction">That fall as a fraction of its peak.</param>
/// <param name="CurrentFraction">The fall of the newest point from the running peak.</param>
/// <param name="Peak">The highest value seen.</param>
/// <param name="Points">Value points seen.</param>
public sealed record DrawdownView(decimal MaxAmount, double MaxFraction, double CurrentFraction, decimal Peak, int Points);

/// <summary>One point of the risk chart.</summary>
/// <param name="AsOf">Bar time of the newest scenario.</param>
/// <param name="PortfolioValue">Cash plus positions.</param>
/// <param name="Var95">Historical VaR 95% (money).</param>
/// <param name="Var99">Historical VaR 99% (money).</param>
/// <param name="ExpectedShortfall95">Historical ES 95% (money).</param>
/// <param name="ParametricVar95">Parametric VaR 95% (money).</param>
/// <param name="DrawdownFraction">Current drawdown fraction.</param>
public sealed record RiskHistoryPoint(DateTime AsOf, decimal PortfolioValue, decimal Var95, decimal Var99, decimal ExpectedShortfall95, decimal ParametricVar95, double DrawdownFraction);
