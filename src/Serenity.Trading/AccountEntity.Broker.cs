using Serenity.Actors;
using Serenity.Trading.Alpaca;

namespace Serenity.Trading;

/// <summary>
/// Optional forwarding to Alpaca's paper-trading API: every order the account accepts is sent once, as submitted, after
/// it is journaled; Alpaca's order id (or the error) is journaled on the order. A cancel of a forwarded order is sent
/// too. The local order is the one that counts: Alpaca's copy trades at Alpaca's own prices, and a failed forward is
/// not retried (Alpaca would refuse a repeat of the same client order id anyway).
/// </summary>
public sealed partial class AccountEntity
{
    private readonly AlpacaTradingClient? _broker;

    private void Forward(OrderView order)
    {
        if (_broker is null) return;
        var self = Self;
        _broker.SubmitAsync(order).ContinueWith(
            t => self.Tell(new BrokerReplied(order.OrderId, t.IsCompletedSuccessfully ? t.Result.Id : null, t.IsCompletedSuccessfully ? null : Describe(t.Exception)), ActorRefs.NoSender),
            TaskScheduler.Default);
    }

    private void OnBrokerReplied(BrokerReplied r)
    {
        if (r.Error is { } error) Context.System.Log.Warning($"account {_userId}: forwarding order {r.OrderId} to Alpaca failed: {error}");
        PersistThen(new OrderForwarded(r.OrderId, r.BrokerOrderId, r.Error, Now), e =>
        {
            if (_state.Find(e.OrderId) is { } order) Publish(order, null);
        });
    }

    private void ForwardCancel(OrderView order)
    {
        if (_broker is null || order.BrokerOrderId is not { } id) return;
        var log = Context.System.Log;
        var user = _userId;
        _broker.CancelAsync(id).ContinueWith(
            t => { if (!t.IsCompletedSuccessfully) log.Warning($"account {user}: canceling order {order.OrderId} at Alpaca ({id}) failed: {Describe(t.Exception)}"); },
            TaskScheduler.Default);
    }

    private static string Describe(AggregateException? e) => e?.InnerException?.Message ?? e?.Message ?? "canceled";

    /// <summary>Alpaca's answer to a forwarded order, back in the actor.</summary>
    internal sealed record BrokerReplied(string OrderId, string? BrokerOrderId, string? Error);
}
