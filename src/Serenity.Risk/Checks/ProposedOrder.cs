namespace Serenity.Risk.Checks;

/// <summary>An order about to be placed, as the pre-trade check sees it.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Quantity">Signed quantity: positive buys, negative sells.</param>
/// <param name="Price">The expected fill price (ask for a buy, bid for a sell).</param>
public sealed record ProposedOrder(string Symbol, decimal Quantity, decimal Price)
{
    /// <summary>|quantity| x price.</summary>
    public decimal Value => Math.Abs(Quantity) * Price;
}
