using Serenity.Risk.Measures;

namespace Serenity.Risk.Entities;

/// <summary>Turns a calculator report into the snapshot the API and the dashboard show (positions sorted by symbol).</summary>
internal static class RiskSnapshots
{
    public static RiskSnapshot From(
        string userId,
        DateTime now,
        int windowLength,
        decimal cash,
        IReadOnlyList<RiskPosition> positions,
        RiskReport report,
        ReadOnlySpan<int> windowReturns,
        DrawdownView drawdown)
    {
        // The calculator lists contributions in the order of the positions, or none at all.
        var contributions = report.Contributions.Count == positions.Count ? report.Contributions : null;
        var views = new RiskPositionView[positions.Count];
        var sorted = true;
        for (var i = 0; i < positions.Count; i++)
        {
            var p = positions[i];
            views[i] = new RiskPositionView(p.Symbol, p.Quantity, p.Price, contributions?[i].Value ?? p.Value, windowReturns[i], contributions?[i]);
            sorted &= i == 0 || string.CompareOrdinal(views[i - 1].Symbol, p.Symbol) < 0;
        }
        if (!sorted) Array.Sort(views, (a, b) => string.CompareOrdinal(a.Symbol, b.Symbol));
        return new RiskSnapshot(
            userId,
            report.AsOf,
            now,
            windowLength,
            report.ScenarioCount,
            cash,
            report.PortfolioValue,
            report.Historical95,
            report.Historical99,
            report.Parametric95,
            report.Parametric99,
            report.Exposure,
            drawdown,
            views,
            report.UncoveredSymbols);
    }
}
