using System.Text.Json.Serialization;
using Serenity.Risk.Strategies;

namespace Serenity.Risk.Entities.Strategies;

/// <summary>
/// Enables strategy <paramref name="Strategy"/> (<c>sma-cross</c> / <c>sma-crossover</c>) on <paramref name="Symbol"/>
/// trading <paramref name="Quantity"/> shares per entry; sent to the user's strategy runner (shard type <c>strategy</c>),
/// answered with <see cref="Trading.CommandResult"/>. Enabling an enabled symbol again replaces its strategy and size
/// (an open position stays as it is).
/// </summary>
public sealed record EnableStrategy(string Symbol, string Strategy, decimal Quantity);

/// <summary>Stops the strategy of <paramref name="Symbol"/>; an open position is left as it is. Answered with <see cref="Trading.CommandResult"/>.</summary>
public sealed record DisableStrategy(string Symbol);

/// <summary>Asks a strategy runner for <see cref="StrategiesView"/>.</summary>
public sealed record GetStrategies
{
    /// <summary>The one instance.</summary>
    public static readonly GetStrategies Instance = new();
}

/// <summary>A user's strategies, by symbol.</summary>
public sealed record StrategiesView(string UserId, IReadOnlyList<StrategyView> Strategies)
{
    /// <summary>Symbols whose enabled strategy still waits for the Ticker's stored bars (live bars wait meanwhile), in ordinal order.</summary>
    public IReadOnlyList<string> WarmingUp { get; init; } = [];
}

/// <summary>One symbol's strategy.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Strategy">The strategy's name.</param>
/// <param name="Quantity">Shares bought on an entry.</param>
/// <param name="Enabled">Whether it follows the bars.</param>
/// <param name="InPosition">Whether its last signal was an entry.</param>
/// <param name="HeldQuantity">Shares its entries bought and its exits have not sold yet (what the next exit sells).</param>
public sealed record StrategyView(string Symbol, string Strategy, decimal Quantity, bool Enabled, bool InPosition, decimal HeldQuantity);

/// <summary>Asks a strategy runner for its signals, newest first; answered with <see cref="SignalsView"/>.</summary>
public sealed record GetSignals(string? Symbol = null, int Limit = 200);

/// <summary>A user's strategy signals, newest first.</summary>
public sealed record SignalsView(string UserId, IReadOnlyList<SignalView> Signals);

/// <summary>A signal's order, as far as the runner knows.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SignalOrderStatus>))]
public enum SignalOrderStatus
{
    /// <summary>Submitted (or about to be); the account's answer is not in yet.</summary>
    Pending,

    /// <summary>The account accepted it.</summary>
    Accepted,

    /// <summary>The account rejected it (<see cref="SignalView.RejectReason"/>).</summary>
    Rejected,

    /// <summary>No order was needed (an exit with nothing bought to sell).</summary>
    NoOrder,
}

/// <summary>One entry or exit marker for the chart, with the order it placed.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Strategy">The strategy's name.</param>
/// <param name="Kind">Entry or exit.</param>
/// <param name="BarTimestamp">Start of the minute bar that triggered it.</param>
/// <param name="Quantity">Shares ordered (bought on an entry, sold on an exit).</param>
/// <param name="Reason">The strategy's reason, with the figures.</param>
/// <param name="ClientOrderId">The order's deterministic client order id (null without an order).</param>
/// <param name="Status">Where the order stands.</param>
/// <param name="OrderId">The account's order id, once accepted.</param>
/// <param name="FilledQuantity">Shares filled.</param>
/// <param name="FillPrice">Average fill price, when filled.</param>
/// <param name="RejectReason">The account's reason (field: reason) when rejected.</param>
public sealed record SignalView(
    string Symbol,
    string Strategy,
    SignalKind Kind,
    DateTime BarTimestamp,
    decimal Quantity,
    string Reason,
    string? ClientOrderId,
    SignalOrderStatus Status,
    string? OrderId = null,
    decimal FilledQuantity = 0m,
    decimal? FillPrice = null,
    string? RejectReason = null);

/// <summary>A signal was recorded or its order settled (published on <c>signals.{user}</c>).</summary>
public sealed record SignalUpdated(string UserId, SignalView Signal);
