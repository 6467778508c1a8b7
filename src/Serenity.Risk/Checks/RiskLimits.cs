namespace Serenity.Risk.Checks;

/// <summary>One account's pre-trade limits; null means no limit.</summary>
/// <param name="MaxOrderValue">Largest |quantity| x price of one order.</param>
/// <param name="MaxPositionValue">Largest |position value| after the trade (trades that shrink a position always pass).</param>
/// <param name="MaxVarAfterTrade">Largest portfolio VaR after the trade (trades that lower VaR always pass).</param>
public sealed record RiskLimits(decimal? MaxOrderValue, decimal? MaxPositionValue, decimal? MaxVarAfterTrade)
{
    /// <summary>No limits at all.</summary>
    public static RiskLimits None { get; } = new(null, null, null);
}
