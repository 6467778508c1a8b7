namespace Serenity.Trading;

/// <summary>
/// The pub/sub topics the trading entities publish their changes on, so that pushers (the server's WebSocket
/// sessions, later risk) follow a user without asking.
/// </summary>
public static class TradingTopics
{
    /// <summary>Order and cash changes of <paramref name="userId"/>'s account (<see cref="AccountUpdated"/>).</summary>
    public static string Account(string userId) => "account." + userId;

    /// <summary>Revaluations and fills of <paramref name="userId"/>'s portfolio (<see cref="PortfolioUpdated"/>).</summary>
    public static string Portfolio(string userId) => "portfolio." + userId;
}

/// <summary>An account changed: an order changed state and/or filled; <c>Cash</c> is the cash after the change.</summary>
public sealed record AccountUpdated(string UserId, decimal Cash, OrderView? Order, Fill? Fill);

/// <summary>A portfolio changed: a fill applied or a quote revalued it.</summary>
public sealed record PortfolioUpdated(PortfolioView Portfolio);
