using System.Text.Json.Serialization;
using Serenity.Actors;

namespace Serenity.Trading;

/// <summary>JSON source generation for every persisted Trading type.</summary>
[JsonSerializable(typeof(TickerSnapshot))]
[JsonSerializable(typeof(AccountRegistered))]
[JsonSerializable(typeof(LoginFailed))]
[JsonSerializable(typeof(LoginSucceeded))]
[JsonSerializable(typeof(OrderFilled))]
[JsonSerializable(typeof(OrderRejected))]
[JsonSerializable(typeof(AccountReset))]
[JsonSerializable(typeof(DeliveriesConfirmed))]
[JsonSerializable(typeof(FillApplied))]
[JsonSerializable(typeof(PortfolioReset))]
[JsonSerializable(typeof(PortfolioSnapshot))]
[JsonSerializable(typeof(TickerBarRecorded))]
[JsonSerializable(typeof(TickerHaltChanged))]
[JsonSerializable(typeof(TickerStateSnapshot))]
[JsonSerializable(typeof(OrderAccepted))]
[JsonSerializable(typeof(OrderCanceled))]
[JsonSerializable(typeof(WatchlistSet))]
[JsonSerializable(typeof(AccountSnapshot))]
[JsonSerializable(typeof(OrderForwarded))]
internal sealed partial class TradingJsonContext : JsonSerializerContext;

/// <summary>Registers the Trading events and snapshots with the persistence serializer.</summary>
public static class TradingSerialization
{
    /// <summary>Registers every event and snapshot type under a stable manifest.</summary>
    public static void Register(ActorSystem system)
    {
        var s = Serenity.Persistence.Persistence.Get(system).Serialization;
        var c = TradingJsonContext.Default;
        s.Register("trading.ticker-snapshot.v1", c.TickerSnapshot);
        s.Register("trading.account-registered.v1", c.AccountRegistered);
        s.Register("trading.login-failed.v1", c.LoginFailed);
        s.Register("trading.login-succeeded.v1", c.LoginSucceeded);
        s.Register("trading.order-filled.v1", c.OrderFilled);
        s.Register("trading.order-rejected.v1", c.OrderRejected);
        s.Register("trading.account-reset.v1", c.AccountReset);
        s.Register("trading.deliveries-confirmed.v1", c.DeliveriesConfirmed);
        s.Register("trading.fill-applied.v1", c.FillApplied);
        s.Register("trading.portfolio-reset.v1", c.PortfolioReset);
        s.Register("trading.portfolio-snapshot.v1", c.PortfolioSnapshot);
        s.Register("trading.ticker-bar-recorded.v1", c.TickerBarRecorded);
        s.Register("trading.ticker-halt-changed.v1", c.TickerHaltChanged);
        s.Register("trading.ticker-state-snapshot.v1", c.TickerStateSnapshot);
        s.Register("trading.order-accepted.v1", c.OrderAccepted);
        s.Register("trading.order-canceled.v1", c.OrderCanceled);
        s.Register("trading.watchlist-set.v1", c.WatchlistSet);
        s.Register("trading.account-snapshot.v1", c.AccountSnapshot);
        s.Register("trading.order-forwarded.v1", c.OrderForwarded);
        // Commands and replies too: in cluster mode they cross nodes through the same registry.
        TradingWireSerialization.Register(system);
    }
}
