using System.Text.Json.Serialization;
using Serenity.Actors;
using Serenity.MarketData.Wire;

namespace Serenity.Trading;

/// <summary>JSON source generation for the Trading commands and replies that cross nodes in cluster mode.</summary>
[JsonSerializable(typeof(TickerQuote))]
[JsonSerializable(typeof(GetQuote))]
[JsonSerializable(typeof(QuoteReply))]
[JsonSerializable(typeof(Fill))]
[JsonSerializable(typeof(Register))]
[JsonSerializable(typeof(Login))]
[JsonSerializable(typeof(LoginResult))]
[JsonSerializable(typeof(CommandResult))]
[JsonSerializable(typeof(SubmitOrder))]
[JsonSerializable(typeof(OrderResult))]
[JsonSerializable(typeof(ResetAccount))]
[JsonSerializable(typeof(GetAccount))]
[JsonSerializable(typeof(AccountView))]
[JsonSerializable(typeof(PortfolioDelivery))]
[JsonSerializable(typeof(DeliveryAck))]
[JsonSerializable(typeof(GetPortfolio))]
[JsonSerializable(typeof(PortfolioView))]
[JsonSerializable(typeof(WakeUp))]
[JsonSerializable(typeof(CancelOrder))]
[JsonSerializable(typeof(GetOrders))]
[JsonSerializable(typeof(OrdersView))]
[JsonSerializable(typeof(GetTrades))]
[JsonSerializable(typeof(TradesView))]
[JsonSerializable(typeof(SetWatchlist))]
[JsonSerializable(typeof(GetWatchlist))]
[JsonSerializable(typeof(WatchlistView))]
[JsonSerializable(typeof(GetValueHistory))]
[JsonSerializable(typeof(ValueHistoryView))]
[JsonSerializable(typeof(GetTicker))]
[JsonSerializable(typeof(TickerView))]
[JsonSerializable(typeof(GetBars))]
[JsonSerializable(typeof(BarsView))]
[JsonSerializable(typeof(PreTradeCheckRequest))]
[JsonSerializable(typeof(PreTradeCheckResult))]
[JsonSerializable(typeof(AccountUpdated))]
[JsonSerializable(typeof(PortfolioUpdated))]
internal sealed partial class TradingWireJsonContext : JsonSerializerContext;

/// <summary>
/// Registers the Trading commands, replies and published updates (<c>account.*</c>, <c>portfolio.*</c>) under stable manifests, so the cluster provider can carry
/// them between nodes (the local provider never serializes them; registering is harmless there).
/// </summary>
public static class TradingWireSerialization
{
    /// <summary>Registers every command and reply type.</summary>
    public static void Register(ActorSystem system)
    {
        var s = Serenity.Persistence.Persistence.Get(system).Serialization;
        var c = TradingWireJsonContext.Default;
        s.Register("trading.msg.ticker-quote.v1", c.TickerQuote);
        s.Register("trading.msg.get-quote.v1", c.GetQuote);
        s.Register("trading.msg.quote-reply.v1", c.QuoteReply);
        s.Register("trading.msg.fill.v1", c.Fill);
        s.Register("trading.msg.register.v1", c.Register);
        s.Register("trading.msg.login.v1", c.Login);
        s.Register("trading.msg.login-result.v1", c.LoginResult);
        s.Register("trading.msg.command-result.v1", c.CommandResult);
        s.Register("trading.msg.submit-order.v1", c.SubmitOrder);
        s.Register("trading.msg.order-result.v1", c.OrderResult);
        s.Register("trading.msg.reset-account.v1", c.ResetAccount);
        s.Register("trading.msg.get-account.v1", c.GetAccount);
        s.Register("trading.msg.account-view.v1", c.AccountView);
        s.Register("trading.msg.portfolio-delivery.v1", c.PortfolioDelivery);
        s.Register("trading.msg.delivery-ack.v1", c.DeliveryAck);
        s.Register("trading.msg.get-portfolio.v1", c.GetPortfolio);
        s.Register("trading.msg.portfolio-view.v1", c.PortfolioView);
        s.Register("trading.msg.wake-up.v1", c.WakeUp);
        s.Register("trading.msg.cancel-order.v1", c.CancelOrder);
        s.Register("trading.msg.get-orders.v1", c.GetOrders);
        s.Register("trading.msg.orders-view.v1", c.OrdersView);
        s.Register("trading.msg.get-trades.v1", c.GetTrades);
        s.Register("trading.msg.trades-view.v1", c.TradesView);
        s.Register("trading.msg.set-watchlist.v1", c.SetWatchlist);
        s.Register("trading.msg.get-watchlist.v1", c.GetWatchlist);
        s.Register("trading.msg.watchlist-view.v1", c.WatchlistView);
        s.Register("trading.msg.get-value-history.v1", c.GetValueHistory);
        s.Register("trading.msg.value-history-view.v1", c.ValueHistoryView);
        s.Register("trading.msg.get-ticker.v1", c.GetTicker);
        s.Register("trading.msg.ticker-view.v1", c.TickerView);
        s.Register("trading.msg.get-bars.v1", c.GetBars);
        s.Register("trading.msg.bars-view.v1", c.BarsView);
        s.Register("trading.msg.pre-trade-check-request.v1", c.PreTradeCheckRequest);
        s.Register("trading.msg.pre-trade-check-result.v1", c.PreTradeCheckResult);
        s.Register("trading.msg.account-updated.v1", c.AccountUpdated);
        s.Register("trading.msg.portfolio-updated.v1", c.PortfolioUpdated);
        MarketDataSerialization.Register(s); // tickers follow quotes.{SYM}, trades.{SYM}, bars.{SYM} and status.{SYM}
    }
}
