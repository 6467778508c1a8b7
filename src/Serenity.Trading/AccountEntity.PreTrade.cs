using System.Globalization;
using Serenity.Actors;
using Serenity.Cluster.Sharding;

namespace Serenity.Trading;

/// <summary>The optional pre-trade check (<c>serenity.trading.pre-trade-check</c>): the account asks before accepting.</summary>
public sealed partial class AccountEntity
{
    /// <summary>Asks the check entity about the order as it would execute; the answer (or a timeout rejection) comes back as <see cref="PreTradeChecked"/>.</summary>
    private void AskPreTradeCheck(TickerArrived a, Execution x)
    {
        var o = a.Order;
        if (ReferenceEquals(a.Epoch, _sequenceEpoch)) _awaitingCheck = true; // later orders wait for this one's decision
        var request = new PreTradeCheckRequest(
            _userId,
            o.Symbol,
            o.Side,
            x.Rests ? o.Quantity : x.FillQuantity,
            x.Rests ? o.LimitPrice!.Value : x.Price,
            _state.Cash,
            new Dictionary<string, decimal>(_state.Holdings, StringComparer.Ordinal));
        var self = Self;
        var timeout = _settings.PreTradeCheckTimeout;
        var entity = _settings.PreTradeCheckEntity;
        EntityRef checker;
        try
        {
            checker = ClusterSharding.Get(Context.System).EntityRefFor(entity, _userId);
        }
        catch (ArgumentException)
        {
            self.Tell(new PreTradeChecked(a, new PreTradeCheckResult(false, "risk", $"pre-trade risk check unavailable: entity type '{entity}' is not started")));
            return;
        }
        checker.Ask<PreTradeCheckResult>(request, timeout).ContinueWith(
            t => self.Tell(new PreTradeChecked(a, t.IsCompletedSuccessfully
                ? t.Result
                : new PreTradeCheckResult(false, "risk", string.Create(CultureInfo.InvariantCulture, $"pre-trade risk check did not answer within {timeout.TotalSeconds:0.###} s")))),
            TaskScheduler.Default);
    }

    /// <summary>The pre-trade check's answer to an order, back in the actor.</summary>
    internal sealed record PreTradeChecked(TickerArrived Arrived, PreTradeCheckResult Result);
}
