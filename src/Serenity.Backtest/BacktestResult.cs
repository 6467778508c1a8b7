using Serenity.Risk.Entities.Strategies;
using Serenity.Trading;

namespace Serenity.Backtest;

/// <summary>
/// The state after one replayed minute, as the actors answered: the Portfolio's equity, cash and market value, the
/// drawdown of the equity path so far, and the Risk entity's one-minute VaR/ES (zero while nothing is held).
/// </summary>
/// <param name="Time">Virtual time: the end of the minute (bars are published when their minute closes).</param>
/// <param name="Equity">Cash + market value (longs at the bid).</param>
/// <param name="Cash">Cash.</param>
/// <param name="MarketValue">Positions at their marks.</param>
/// <param name="Drawdown">Running peak of equity minus equity.</param>
/// <param name="DrawdownFraction">That fall as a fraction of the peak.</param>
/// <param name="Var95">Historical VaR at 95%, money.</param>
/// <param name="Var99">Historical VaR at 99%, money.</param>
/// <param name="ExpectedShortfall95">Historical ES at 95%, money.</param>
/// <param name="ParametricVar95">Parametric VaR at 95%, money.</param>
/// <param name="Scenarios">Scenarios the VaR used.</param>
public sealed record EquitySample(
    DateTime Time,
    decimal Equity,
    decimal Cash,
    decimal MarketValue,
    decimal Drawdown,
    double DrawdownFraction,
    decimal Var95,
    decimal Var99,
    decimal ExpectedShortfall95,
    decimal ParametricVar95,
    int Scenarios);

/// <summary>One fill with the P/L it realized (average-cost convention, as the Portfolio) and the position after it.</summary>
public sealed record TradeRecord(Fill Fill, decimal RealizedPnl, decimal PositionAfter);

/// <summary>Everything a backtest produced; the report is written from this alone.</summary>
/// <param name="Options">The validated options.</param>
/// <param name="Minutes">Minutes replayed.</param>
/// <param name="Bars">Bars replayed.</param>
/// <param name="Equity">One sample per minute, oldest first.</param>
/// <param name="Trades">Every fill, in account order.</param>
/// <param name="Signals">Every strategy signal, in order, in its final state.</param>
/// <param name="FinalPortfolio">The Portfolio entity at the end.</param>
public sealed record BacktestResult(
    BacktestOptions Options,
    int Minutes,
    int Bars,
    IReadOnlyList<EquitySample> Equity,
    IReadOnlyList<TradeRecord> Trades,
    IReadOnlyList<SignalView> Signals,
    PortfolioView FinalPortfolio);
