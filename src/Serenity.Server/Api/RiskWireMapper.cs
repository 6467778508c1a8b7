using Serenity.Risk.Entities;
using Serenity.Risk.Entities.Strategies;
using Serenity.Risk.Measures;

namespace Serenity.Server.Api;

/// <summary>Maps the risk side's views to the API's wire records (fractions that are not finite become null).</summary>
public static class RiskWireMapper
{
    /// <summary>A risk view: snapshot and history.</summary>
    public static RiskDto Risk(RiskView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new RiskDto(view.UserId, view.Snapshot.Positions.Count > 0, Snapshot(view.Snapshot), [.. view.History.Select(History)]);
    }

    /// <summary>A snapshot.</summary>
    public static RiskSnapshotDto Snapshot(RiskSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var e = s.Exposure;
        var d = s.Drawdown;
        return new RiskSnapshotDto(
            s.UserId,
            s.AsOf is { } asOf ? WireMapper.Utc(asOf) : null,
            WireMapper.Utc(s.ComputedAt),
            s.WindowLength,
            s.ScenarioCount,
            s.Cash,
            s.PortfolioValue,
            Figures(s.Historical95),
            Figures(s.Historical99),
            Figures(s.Parametric95),
            Figures(s.Parametric99),
            new ExposureDto(e.Gross, e.Net, Finite(e.GrossFraction), Finite(e.NetFraction), e.LargestSymbol, Finite(e.LargestShare) ?? 0),
            new DrawdownDto(d.MaxAmount, Finite(d.MaxFraction) ?? 0, Finite(d.CurrentFraction) ?? 0, d.Peak, d.Points),
            [.. s.Positions.Select(Position)],
            s.UncoveredSymbols);
    }

    /// <summary>A strategy.</summary>
    public static StrategyDto Strategy(StrategyView s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Symbol, s.Strategy, s.Quantity, s.Enabled, s.InPosition, s.HeldQuantity);
    }

    /// <summary>A signal.</summary>
    public static SignalDto Signal(SignalView s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Symbol, s.Strategy, WireMapper.Name(s.Kind), WireMapper.Utc(s.BarTimestamp), s.Quantity, s.Reason, s.ClientOrderId,
            WireMapper.Name(s.Status), s.OrderId, s.FilledQuantity, s.FillPrice, s.RejectReason);
    }

    private static RiskHistoryPointDto History(RiskHistoryPoint p) =>
        new(WireMapper.Utc(p.AsOf), p.PortfolioValue, p.Var95, p.Var99, p.ExpectedShortfall95, p.ParametricVar95, Finite(p.DrawdownFraction) ?? 0);

    private static RiskFiguresDto Figures(RiskFigures f) => new(f.Var, f.ExpectedShortfall, Finite(f.VarFraction), Finite(f.ExpectedShortfallFraction));

    private static RiskPositionDto Position(RiskPositionView p)
    {
        var c = p.Contribution;
        return new(p.Symbol, p.Quantity, p.Price, p.Value, p.WindowReturns,
            c is null ? null : new ContributionDto(c.HistoricalVar95, c.HistoricalVar99, c.ExpectedShortfall95, c.ExpectedShortfall99, c.ParametricVar95, c.ParametricVar99));
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
