using Serenity.Actors;
using Serenity.Risk.Checks;
using Serenity.Risk.Measures;
using Serenity.Trading;

namespace Serenity.Risk.Entities;

/// <summary>The pre-trade check the account asks when <c>serenity.trading.pre-trade-check = on</c>.</summary>
public sealed partial class RiskEntity
{
    private PreTradeRiskCheck? _check;

    private PreTradeRiskCheck Check => _check ??= new PreTradeRiskCheck(_settings.Risk);

    /// <summary>
    /// Checks the order against the account's limits with the account's own cash and holdings (positions at the newest
    /// closes, the order's symbol at the order's price). A VaR limit needs the order's symbol's returns: when the newest
    /// scenarios lack them, the hub is asked for scenarios that include it first.
    /// </summary>
    private void OnCheck(PreTradeCheckRequest r)
    {
        var needsReturns = _settings.Risk.LimitsFor(_userId).MaxVarAfterTrade is not null
            && !(_scenarios.Scenarios.TryGetRow(r.Symbol, out var row) && _scenarios.Scenarios.Coverage(row) >= 2);
        if (!needsReturns)
        {
            Sender.Tell(Decide(r, _scenarios));
            return;
        }
        var self = Self;
        var replyTo = Sender;
        _hub.Ask<RiskScenarios>(new GetScenariosWith(r.Symbol), _settings.AskTimeout)
            .ContinueWith(t => self.Tell(new CheckScenarios(r, replyTo, t.IsCompletedSuccessfully ? t.Result : null)), TaskScheduler.Default);
    }

    private void OnCheckScenarios(CheckScenarios c)
    {
        if (c.Scenarios is { } s) OnScenarios(s);
        c.ReplyTo.Tell(Decide(c.Request, c.Scenarios ?? _scenarios));
    }

    private PreTradeCheckResult Decide(PreTradeCheckRequest r, RiskScenarios scenarios)
    {
        var positions = new List<RiskPosition>(r.Holdings.Count);
        foreach (var (symbol, quantity) in r.Holdings)
        {
            if (quantity == 0m) continue;
            var price = string.Equals(symbol, r.Symbol, StringComparison.Ordinal)
                ? r.Price
                : scenarios.Closes.TryGetValue(symbol, out var close) ? close : PriceOf(symbol);
            positions.Add(new RiskPosition(symbol, quantity, price));
        }
        var decision = Check.Check(_userId, new ProposedOrder(r.Symbol, r.SignedQuantity, r.Price), positions, r.Cash, scenarios.Scenarios);
        return decision.Accepted ? PreTradeCheckResult.Ok : new PreTradeCheckResult(false, decision.Field, decision.Reason);
    }

    /// <summary>Scenarios that include a checked order's symbol, back in the actor (null: the hub did not answer).</summary>
    private sealed record CheckScenarios(PreTradeCheckRequest Request, IActorRef ReplyTo, RiskScenarios? Scenarios);
}
