namespace Serenity.Risk.Measures;

/// <summary>Exposure and concentration of a portfolio.</summary>
/// <param name="Gross">Sum of |position value|.</param>
/// <param name="Net">Sum of signed position values (long minus short).</param>
/// <param name="GrossFraction">Gross / portfolio value (NaN when the value is not positive).</param>
/// <param name="NetFraction">Net / portfolio value (NaN when the value is not positive).</param>
/// <param name="LargestSymbol">The position with the largest |value|, or null without positions.</param>
/// <param name="LargestShare">Concentration: largest |value| / gross (0 without positions).</param>
public sealed record ExposureFigures(decimal Gross, decimal Net, double GrossFraction, double NetFraction, string? LargestSymbol, double LargestShare);
