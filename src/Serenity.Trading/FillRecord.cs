namespace Serenity.Trading;

/// <summary>A trade as the account's history keeps it: a <see cref="Fill"/>'s fields as a value (see <see cref="BoundedRing{T}"/>).</summary>
internal readonly record struct FillRecord(
    string FillId, long Seq, string OrderId, string? ClientOrderId, string Symbol, OrderSide Side, decimal Quantity, decimal Price, DateTime Timestamp)
{
    public static FillRecord Of(Fill f) => new(f.FillId, f.Seq, f.OrderId, f.ClientOrderId, f.Symbol, f.Side, f.Quantity, f.Price, f.Timestamp);

    public Fill ToFill() => new(FillId, Seq, OrderId, ClientOrderId, Symbol, Side, Quantity, Price, Timestamp);
}
