namespace Serenity.Risk.Measures;

/// <summary>Conversions between the statistics (double) and money (decimal).</summary>
internal static class Money
{
    /// <summary>A money amount from a statistic (0 for a non-finite value).</summary>
    public static decimal From(double amount) =>
        double.IsFinite(amount) && Math.Abs(amount) < 7.9e27 ? (decimal)amount : 0m;
}
