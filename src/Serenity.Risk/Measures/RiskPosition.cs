namespace Serenity.Risk.Measures;

/// <summary>A position valued at the current price: quantity (negative = short) x price.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Quantity">Shares held; negative for a short position.</param>
/// <param name="Price">The current price.</param>
public readonly record struct RiskPosition(string Symbol, decimal Quantity, decimal Price)
{
    /// <summary>Signed market value, quantity x price.</summary>
    public decimal Value => Quantity * Price;
}
