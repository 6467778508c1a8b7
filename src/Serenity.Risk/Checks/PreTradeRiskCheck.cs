using System.Globalization;
using Serenity.Risk.Measures;
using Serenity.Risk.Scenarios;

namespace Serenity.Risk.Checks;

/// <summary>
/// The order gateway's risk checks, in this order: max order value, max position value after the trade,
/// max portfolio VaR after the trade. A trade that shrinks the position passes the position limit, and one
/// that does not raise VaR passes the VaR limit, so a user over a limit can always reduce risk.
/// </summary>
public sealed class PreTradeRiskCheck
{
    private readonly RiskSettings _settings;
    private readonly PortfolioRiskCalculator _calculator = new();

    /// <summary>Creates the check with <paramref name="settings"/>.</summary>
    public PreTradeRiskCheck(RiskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
    }

    /// <summary>
    /// Checks <paramref name="order"/> of <paramref name="account"/> against its limits, given its current
    /// <paramref name="positions"/> (valued at current prices), <paramref name="cash"/> and return
    /// <paramref name="scenarios"/>, which must include the order's symbol when a VaR limit applies.
    /// </summary>
    public PreTradeDecision Check(string account, ProposedOrder order, IReadOnlyList<RiskPosition> positions, decimal cash, ScenarioSet scenarios)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(scenarios);
        var limits = _settings.LimitsFor(account);
        if (limits.MaxOrderValue is { } maxOrder && order.Value > maxOrder)
        {
            return PreTradeDecision.Reject("quantity", Text($"order value {order.Value} exceeds the max order value {maxOrder}"));
        }
        var held = 0m;
        foreach (var p in positions)
        {
            if (string.Equals(p.Symbol, order.Symbol, StringComparison.Ordinal)) held += p.Quantity;
        }
        var after = held + order.Quantity;
        var valueAfter = Math.Abs(after) * order.Price;
        if (limits.MaxPositionValue is { } maxPosition && valueAfter > maxPosition && Math.Abs(after) > Math.Abs(held))
        {
            return PreTradeDecision.Reject("quantity", Text($"{order.Symbol} position value after the trade {valueAfter} exceeds the max position value {maxPosition}"));
        }
        if (limits.MaxVarAfterTrade is not { } maxVar) return PreTradeDecision.Accept();
        if (!scenarios.TryGetRow(order.Symbol, out var row) || scenarios.Coverage(row) < 2)
        {
            return PreTradeDecision.Reject("symbol", $"no return history for {order.Symbol} to compute the VaR after the trade");
        }
        var before = Var(Reprice(positions, order, held), cash, scenarios);
        var afterVar = Var(Reprice(positions, order, after), cash - (order.Quantity * order.Price), scenarios);
        if (afterVar > maxVar && afterVar > before)
        {
            return PreTradeDecision.Reject(
                "quantity",
                Text($"portfolio VaR after the trade {afterVar:0.00} exceeds the max VaR {maxVar} ({Describe()})"),
                before,
                afterVar);
        }
        return PreTradeDecision.Accept(before, afterVar);
    }

    private decimal Var(List<RiskPosition> positions, decimal cash, ScenarioSet scenarios) =>
        _calculator.Compute(scenarios, positions, cash).Figures(_settings.CheckMethod, _settings.CheckConfidence).Var;

    /// <summary>The positions with the order's symbol held at <paramref name="quantity"/> and valued at the order's price.</summary>
    private static List<RiskPosition> Reprice(IReadOnlyList<RiskPosition> positions, ProposedOrder order, decimal quantity)
    {
        var result = positions.Where(p => !string.Equals(p.Symbol, order.Symbol, StringComparison.Ordinal)).ToList();
        if (quantity != 0m) result.Add(new RiskPosition(order.Symbol, quantity, order.Price));
        return result;
    }

    private string Describe() =>
        $"{(_settings.CheckMethod == VarMethod.Historical ? "historical" : "parametric")} {(_settings.CheckConfidence == VarConfidence.Percent99 ? "99" : "95")}%, one minute";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
