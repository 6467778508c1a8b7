namespace Serenity.Server.Api;

/// <summary>GET /api/risk: the user's newest risk snapshot and the VaR history for the chart (oldest first).</summary>
public sealed record RiskDto(string UserId, bool HasPositions, RiskSnapshotDto Snapshot, IReadOnlyList<RiskHistoryPointDto> History);

/// <summary>
/// A risk snapshot (also pushed as <c>{"type":"risk"}</c>): VaR/ES over a one-minute horizon, as money and as a fraction of
/// the portfolio value (null when that value is not positive), exposure, concentration and drawdown.
/// </summary>
public sealed record RiskSnapshotDto(
    string UserId,
    DateTime? AsOf,
    DateTime ComputedAt,
    int WindowLength,
    int ScenarioCount,
    decimal Cash,
    decimal PortfolioValue,
    RiskFiguresDto Historical95,
    RiskFiguresDto Historical99,
    RiskFiguresDto Parametric95,
    RiskFiguresDto Parametric99,
    ExposureDto Exposure,
    DrawdownDto Drawdown,
    IReadOnlyList<RiskPositionDto> Positions,
    IReadOnlyList<string> UncoveredSymbols);

/// <summary>VaR and Expected Shortfall at one confidence, money and fraction of the portfolio value.</summary>
public sealed record RiskFiguresDto(decimal Var, decimal ExpectedShortfall, double? VarFraction, double? ExpectedShortfallFraction);

/// <summary>Gross and net exposure and the largest position's share of the gross (concentration).</summary>
public sealed record ExposureDto(decimal Gross, decimal Net, double? GrossFraction, double? NetFraction, string? LargestSymbol, double LargestShare);

/// <summary>Drawdown of the portfolio's value history.</summary>
public sealed record DrawdownDto(decimal MaxAmount, double MaxFraction, double CurrentFraction, decimal Peak, int Points);

/// <summary>One held position as the risk entity values it, with its contributions (null without scenarios).</summary>
public sealed record RiskPositionDto(string Symbol, decimal Quantity, decimal Price, decimal Value, int WindowReturns, ContributionDto? Contribution);

/// <summary>A position's shares of the portfolio figures.</summary>
public sealed record ContributionDto(decimal HistoricalVar95, decimal HistoricalVar99, decimal ExpectedShortfall95, decimal ExpectedShortfall99, decimal ParametricVar95, decimal ParametricVar99);

/// <summary>One point of the risk chart.</summary>
public sealed record RiskHistoryPointDto(DateTime AsOf, decimal PortfolioValue, decimal Var95, decimal Var99, decimal ExpectedShortfall95, decimal ParametricVar95, double DrawdownFraction);

/// <summary>A user's strategies.</summary>
public sealed record StrategiesDto(IReadOnlyList<StrategyDto> Strategies);

/// <summary>One symbol's strategy: name, shares per entry, whether it runs, whether its last signal was an entry, shares it holds.</summary>
public sealed record StrategyDto(string Symbol, string Strategy, decimal Quantity, bool Enabled, bool InPosition, decimal HeldQuantity);

/// <summary>A user's strategy signals, newest first.</summary>
public sealed record SignalsDto(IReadOnlyList<SignalDto> Signals);

/// <summary>One entry or exit signal (a chart marker) with the order it placed (also pushed as <c>{"type":"signal"}</c>).</summary>
public sealed record SignalDto(
    string Symbol,
    string Strategy,
    string Kind,
    DateTime BarTimestamp,
    decimal Quantity,
    string Reason,
    string? ClientOrderId,
    string Status,
    string? OrderId,
    decimal FilledQuantity,
    decimal? FillPrice,
    string? RejectReason);
