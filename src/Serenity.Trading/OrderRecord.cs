namespace Serenity.Trading;

/// <summary>A finished order as the account's history keeps it: an <see cref="OrderView"/>'s fields as a value (see <see cref="BoundedRing{T}"/>).</summary>
internal readonly record struct OrderRecord(
    string OrderId,
    string? ClientOrderId,
    string Symbol,
    OrderSide Side,
    OrderType Type,
    TimeInForce TimeInForce,
    OrderStatus Status,
    decimal Quantity,
    decimal? LimitPrice,
    decimal FilledQuantity,
    decimal? AverageFillPrice,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string? Reason,
    string? BrokerOrderId,
    string? BrokerError)
{
    public static OrderRecord Of(OrderView o) => new(
        o.OrderId, o.ClientOrderId, o.Symbol, o.Side, o.Type, o.TimeInForce, o.Status, o.Quantity, o.LimitPrice, o.FilledQuantity,
        o.AverageFillPrice, o.CreatedAt, o.UpdatedAt, o.Reason, o.BrokerOrderId, o.BrokerError);

    public OrderView ToView() =>
        new(OrderId, ClientOrderId, Symbol, Side, Type, TimeInForce, Quantity, LimitPrice, FilledQuantity, AverageFillPrice, Status, CreatedAt, UpdatedAt, Reason)
        {
            BrokerOrderId = BrokerOrderId,
            BrokerError = BrokerError,
        };
}
