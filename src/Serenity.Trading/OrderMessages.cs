using System.Text.Json.Serialization;

namespace Serenity.Trading;

/// <summary>How long an order stays working.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TimeInForce>))]
public enum TimeInForce
{
    /// <summary>Until the end of the trading day, then expired.</summary>
    Day,

    /// <summary>Good till canceled.</summary>
    Gtc,

    /// <summary>Immediate or cancel: fills what it can at once, the rest is canceled.</summary>
    Ioc,

    /// <summary>Fill or kill: fills completely at once or not at all.</summary>
    Fok,
}

/// <summary>Where an order stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
public enum OrderStatus
{
    /// <summary>Accepted and working (a resting limit order).</summary>
    New,

    /// <summary>Partly filled and still working.</summary>
    PartiallyFilled,

    /// <summary>Completely filled.</summary>
    Filled,

    /// <summary>Canceled by the user or by its time in force (ioc/fok).</summary>
    Canceled,

    /// <summary>A day order at the end of its day.</summary>
    Expired,

    /// <summary>Refused; <see cref="OrderView.Reason"/> says why.</summary>
    Rejected,
}

/// <summary>One order as the user sees it.</summary>
public sealed record OrderView(
    string OrderId,
    string? ClientOrderId,
    string Symbol,
    OrderSide Side,
    OrderType Type,
    TimeInForce TimeInForce,
    decimal Quantity,
    decimal? LimitPrice,
    decimal FilledQuantity,
    decimal? AverageFillPrice,
    OrderStatus Status,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string? Reason = null)
{
    /// <summary>Alpaca's id of the forwarded copy (only when forwarding to Alpaca is on and Alpaca took it).</summary>
    public string? BrokerOrderId { get; init; }

    /// <summary>Why forwarding the copy to Alpaca failed (the local order is unaffected).</summary>
    public string? BrokerError { get; init; }
}

/// <summary>Cancels a working order; answered with <see cref="CommandResult"/> (field <c>order_id</c> when unknown or no longer working).</summary>
public sealed record CancelOrder(string OrderId);

/// <summary>Asks an Account for its orders, newest first; answered with <see cref="OrdersView"/>.</summary>
public sealed record GetOrders(bool OpenOnly = false, int Limit = 100);

/// <summary>An account's orders, newest first.</summary>
public sealed record OrdersView(string UserId, IReadOnlyList<OrderView> Orders);

/// <summary>Asks an Account for its fills, newest first; answered with <see cref="TradesView"/>.</summary>
public sealed record GetTrades(int Limit = 100);

/// <summary>An account's fills, newest first.</summary>
public sealed record TradesView(string UserId, IReadOnlyList<Fill> Trades);

/// <summary>Replaces an account's watchlist; answered with <see cref="CommandResult"/>.</summary>
public sealed record SetWatchlist(IReadOnlyList<string> Symbols);

/// <summary>Asks an Account for its watchlist; answered with <see cref="WatchlistView"/>.</summary>
public sealed record GetWatchlist;

/// <summary>The symbols a user watches, in the user's order.</summary>
public sealed record WatchlistView(string UserId, IReadOnlyList<string> Symbols);

/// <summary>Asks a Portfolio for its value over time; answered with <see cref="ValueHistoryView"/>.</summary>
public sealed record GetValueHistory(DateTime? From = null, DateTime? To = null);

/// <summary>One point of a portfolio's value history.</summary>
public sealed record ValuePoint(DateTime Timestamp, decimal Equity, decimal Cash, decimal MarketValue);

/// <summary>A portfolio's value over time, oldest first.</summary>
public sealed record ValueHistoryView(string UserId, IReadOnlyList<ValuePoint> Points);
