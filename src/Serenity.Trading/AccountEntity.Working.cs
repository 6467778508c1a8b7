using Serenity.Cluster.PubSub;
using Serenity.MarketData;

namespace Serenity.Trading;

/// <summary>
/// Working (resting) limit orders: the account follows <c>quotes.{SYM}</c> of every symbol it has working orders in and
/// fills an order, whole, at the ask (buys) or bid (sells) of the first quote that crosses its limit; day orders expire at
/// the session close (<c>session-close</c>, UTC).
/// </summary>
public sealed partial class AccountEntity
{
    private static readonly object ExpiryTick = new();
    private readonly HashSet<string> _followed = new(StringComparer.Ordinal);

    private void OnMarketQuote(Quote quote) =>
        FillCrossed(new TickerQuote(quote.Symbol, quote.BidPrice, quote.BidSize, quote.AskPrice, quote.AskSize, quote.Timestamp));

    /// <summary>Fills the oldest working order <paramref name="q"/> crosses, then looks again (one persist at a time).</summary>
    private void FillCrossed(TickerQuote q)
    {
        if (q.Bid <= 0m || q.Ask <= 0m) return;
        foreach (var o in _state.Working)
        {
            if (!string.Equals(o.Symbol, q.Symbol, StringComparison.Ordinal) || !OrderRules.Crosses(o.Side, o.Type, o.LimitPrice, q)) continue;
            var price = o.Side == OrderSide.Buy ? q.Ask : q.Bid;
            var remaining = o.Quantity - o.FilledQuantity;
            if (o.Side == OrderSide.Buy && remaining * price > _state.Cash) continue; // cannot happen while the reservation holds
            if (o.Side == OrderSide.Sell && !_settings.AllowShort && remaining > _state.Holdings.GetValueOrDefault(o.Symbol)) continue;
            var average = ((o.FilledQuantity * (o.AverageFillPrice ?? 0m)) + (remaining * price)) / o.Quantity;
            var after = o with { FilledQuantity = o.Quantity, AverageFillPrice = average, Status = OrderStatus.Filled };
            PersistFill(after, remaining, price, Now, [], () => Self.Tell(new Recheck(q), Self)); // other orders may cross this quote too
            return;
        }
    }

    /// <summary>Looks at a quote again after a fill it caused.</summary>
    internal sealed record Recheck(TickerQuote Quote);

    /// <summary>Follows the quotes of exactly the symbols with working orders.</summary>
    private void FollowWorkingSymbols()
    {
        if (_state.Working.Count == 0 && _followed.Count == 0) return; // market orders only (runs on every fill): nothing to do
        var wanted = _state.Working.Select(o => o.Symbol).ToHashSet(StringComparer.Ordinal);
        var pubSub = DistributedPubSub.Get(Context.System);
        foreach (var symbol in _followed.Where(s => !wanted.Contains(s)).ToList())
        {
            pubSub.Unsubscribe(TickerEntity.Topic(symbol), Self);
            _followed.Remove(symbol);
        }
        foreach (var symbol in wanted.Where(_followed.Add)) pubSub.Subscribe(TickerEntity.Topic(symbol), Self);
    }

    private void UnfollowAll()
    {
        var pubSub = DistributedPubSub.Get(Context.System);
        foreach (var symbol in _followed) pubSub.Unsubscribe(TickerEntity.Topic(symbol), Self);
        _followed.Clear();
    }

    private DateTime ExpiresAt(OrderView o) => _settings.SessionEndAfter(o.CreatedAt);

    /// <summary>Sets the expiry timer to the earliest session close among working day orders (none: no timer).</summary>
    private void ArmExpiry()
    {
        var due = DateTime.MaxValue; // a loop, not LINQ: this runs on every fill
        for (var i = 0; i < _state.Working.Count; i++)
        {
            if (_state.Working[i].TimeInForce == TimeInForce.Day && ExpiresAt(_state.Working[i]) is var at && at < due) due = at;
        }
        if (due == DateTime.MaxValue)
        {
            Timers.Cancel(ExpiryTick);
            return;
        }
        var delay = due - Now;
        Timers.StartSingleTimer(ExpiryTick, ExpiryTick, delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
    }

    private void OnExpiry()
    {
        var now = Now;
        var expired = _state.Working
            .Where(o => o.TimeInForce == TimeInForce.Day && ExpiresAt(o) <= now)
            .Select(o => new OrderCanceled(o with { Status = OrderStatus.Expired, UpdatedAt = now, Reason = "day order expired at the session close" }))
            .ToList();
        if (expired.Count == 0)
        {
            ArmExpiry();
            return;
        }
        PersistAll(expired, e =>
        {
            _state.Apply(e);
            Publish(e.Order, null);
            FollowWorkingSymbols();
            ArmExpiry();
            MaybeSnapshot();
        });
    }
}
