namespace Serenity.Tickstore.Format;

/// <summary>
/// Prices, sizes and volumes as the store keeps them: integers counting 10^-8 units (8 decimal places),
/// so any value from -92,233,720,368.54775807 to 92,233,720,368.54775807 with at most 8 decimals fits.
/// Anything else is rejected, never rounded.
/// </summary>
public static class ScaledDecimal
{
    /// <summary>Decimal places kept.</summary>
    public const int Decimals = 8;

    /// <summary>10^<see cref="Decimals"/>.</summary>
    public const long Factor = 100_000_000;

    /// <summary>The largest storable magnitude.</summary>
    public static readonly decimal MaxValue = long.MaxValue / (decimal)Factor;

    private static readonly long[] s_powers = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

    /// <summary>The scaled integer of <paramref name="value"/>; throws naming <paramref name="field"/> when it does not fit.</summary>
    public static long ToScaled(decimal value, string field)
    {
        if (value > MaxValue || value < -MaxValue)
        {
            throw new ArgumentOutOfRangeException(field, value, $"{field} {value} is outside ±{MaxValue}, the storable range");
        }
        var scaled = value * Factor;
        if (scaled != decimal.Truncate(scaled))
        {
            throw new ArgumentOutOfRangeException(field, value, $"{field} {value} has more than {Decimals} decimal places");
        }
        return (long)scaled;
    }

    /// <summary>The decimal of a scaled integer, without trailing zeros (100.5, not 100.50000000).</summary>
    public static decimal FromScaled(long scaled)
    {
        var negative = scaled < 0;
        var magnitude = negative ? (ulong)(-(scaled + 1)) + 1 : (ulong)scaled;
        byte scale = Decimals;
        while (scale > 0 && magnitude % 10 == 0)
        {
            magnitude /= 10;
            scale--;
        }
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, scale);
    }

    /// <summary>10^<paramref name="exponent"/> for 0..8.</summary>
    internal static long Power(int exponent) => s_powers[exponent];

    /// <summary>How many decimal places (0..8) the column needs: the fewest that keep every value exact.</summary>
    internal static int DecimalsNeeded(ReadOnlySpan<long> scaled)
    {
        var drop = Decimals; // how many trailing decimal zeros every value has
        foreach (var v in scaled)
        {
            while (drop > 0 && v % s_powers[drop] != 0) drop--;
            if (drop == 0) break;
        }
        return Decimals - drop;
    }
}
