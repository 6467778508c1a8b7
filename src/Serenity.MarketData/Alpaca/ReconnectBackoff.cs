namespace Serenity.MarketData.Alpaca;

/// <summary>
/// Exponential backoff with jitter: attempt n waits <c>min · multiplier^(n-1)</c>, capped at <c>max</c>, spread
/// by ±<c>jitter</c> (a fraction) so that many clients cut off together do not all come back at once.
/// </summary>
public sealed record ReconnectBackoff(TimeSpan Min, TimeSpan Max, double Multiplier = 2.0, double Jitter = 0.2)
{
    /// <summary>1 s doubling up to 60 s, ±20 %.</summary>
    public static readonly ReconnectBackoff Default = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

    /// <summary>No wait at all (tests that are not about timing).</summary>
    public static readonly ReconnectBackoff None = new(TimeSpan.Zero, TimeSpan.Zero, 1, 0);

    /// <summary>The wait before attempt <paramref name="attempt"/> (1 = the first retry).</summary>
    public TimeSpan Delay(int attempt, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (Min <= TimeSpan.Zero) return TimeSpan.Zero;
        var exponent = Math.Min(Math.Max(attempt, 1) - 1, 62);
        var baseTicks = Math.Min(Min.Ticks * Math.Pow(Math.Max(Multiplier, 1.0), exponent), Max.Ticks);
        var factor = 1.0 + (Jitter * ((2 * random.NextDouble()) - 1));
        return TimeSpan.FromTicks((long)Math.Clamp(baseTicks * factor, 0, Max.Ticks));
    }
}
