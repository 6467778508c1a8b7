using Serenity.Risk.Entities.Strategies;
using Serenity.Risk.Measures;
using Serenity.Trading;

namespace Serenity.Backtest.Report;

/// <summary>The P/L summary of a backtest. Total P/L = realized + unrealized (fees are zero).</summary>
/// <param name="StartingCash">The account's starting cash.</param>
/// <param name="FinalEquity">Equity after the last minute.</param>
/// <param name="TotalPnl">Final equity minus starting cash.</param>
/// <param name="RealizedPnl">Sum of the trades' realized P/L.</param>
/// <param name="UnrealizedPnl">The open positions' unrealized P/L at the end.</param>
/// <param name="Return">Total P/L as a fraction of the starting cash.</param>
/// <param name="MaxDrawdown">Largest fall of equity from a running peak (money).</param>
/// <param name="MaxDrawdownFraction">That fall as a fraction of its peak.</param>
/// <param name="Trades">Fills.</param>
/// <param name="ClosingTrades">Fills that reduced a position (realized something).</param>
/// <param name="WinningTrades">Closing fills with a positive realized P/L.</param>
/// <param name="Signals">Strategy signals.</param>
/// <param name="RejectedSignals">Signals whose order the account rejected.</param>
/// <param name="MaxVar95">Largest historical VaR 95% over the run.</param>
/// <param name="FinalVar95">Historical VaR 95% after the last minute.</param>
/// <param name="Minutes">Minutes replayed.</param>
/// <param name="Bars">Bars replayed.</param>
public sealed record BacktestSummary(
    decimal StartingCash,
    decimal FinalEquity,
    decimal TotalPnl,
    decimal RealizedPnl,
    decimal UnrealizedPnl,
    double Return,
    decimal MaxDrawdown,
    double MaxDrawdownFraction,
    int Trades,
    int ClosingTrades,
    int WinningTrades,
    int Signals,
    int RejectedSignals,
    decimal MaxVar95,
    decimal FinalVar95,
    int Minutes,
    int Bars)
{
    /// <summary>The summary of <paramref name="result"/>.</summary>
    public static BacktestSummary Of(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var start = result.Options.Cash;
        var final = result.Equity.Count > 0 ? result.Equity[^1].Equity : result.FinalPortfolio.Equity;
        var drawdown = Drawdown.Of([start, .. result.Equity.Select(e => e.Equity)]);
        var closing = result.Trades.Where(IsClosing).ToList();
        return new BacktestSummary(
            start,
            final,
            final - start,
            result.Trades.Sum(t => t.RealizedPnl),
            result.FinalPortfolio.UnrealizedPnl,
            (double)((final - start) / start),
            drawdown.Amount,
            drawdown.Fraction,
            result.Trades.Count,
            closing.Count,
            closing.Count(t => t.RealizedPnl > 0m),
            result.Signals.Count,
            result.Signals.Count(s => s.Status == SignalOrderStatus.Rejected),
            result.Equity.Count > 0 ? result.Equity.Max(e => e.Var95) : 0m,
            result.Equity.Count > 0 ? result.Equity[^1].Var95 : 0m,
            result.Minutes,
            result.Bars);
    }

    private static bool IsClosing(TradeRecord t)
    {
        var before = t.PositionAfter - (t.Fill.Side == OrderSide.Buy ? t.Fill.Quantity : -t.Fill.Quantity);
        return before != 0m && Math.Sign(before) != Math.Sign(t.Fill.Side == OrderSide.Buy ? 1 : -1);
    }
}
