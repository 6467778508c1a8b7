namespace Serenity.MarketData.Simulation;

/// <summary>A scripted market event; <see cref="At"/> counts from the simulation's start.</summary>
public abstract record Scenario(TimeSpan At);

/// <summary>
/// Prices fall by <paramref name="Depth"/> (a fraction) over <paramref name="Fall"/>, then recover over
/// <paramref name="Recovery"/>. <paramref name="Symbol"/> null: the whole market.
/// </summary>
public sealed record FlashCrash(TimeSpan At, double Depth, TimeSpan Fall, TimeSpan Recovery, string? Symbol = null) : Scenario(At)
{
    /// <summary>The factor on prices at <paramref name="t"/> (1 outside the crash).</summary>
    public double FactorAt(TimeSpan t)
    {
        if (t < At) return 1;
        var intoFall = t - At;
        if (intoFall <= Fall) return 1 - (Depth * Fraction(intoFall, Fall));
        var intoRecovery = intoFall - Fall;
        return intoRecovery >= Recovery ? 1 : 1 - (Depth * (1 - Fraction(intoRecovery, Recovery)));
    }

    private static double Fraction(TimeSpan part, TimeSpan whole) => whole <= TimeSpan.Zero ? 1 : part / whole;
}

/// <summary>Trading in <paramref name="Symbol"/> halts for <paramref name="Duration"/>: a status message, silence, a resume message.</summary>
public sealed record Halt(TimeSpan At, string Symbol, TimeSpan Duration) : Scenario(At);

/// <summary>The price of <paramref name="Symbol"/> (null: every symbol) jumps by <paramref name="Fraction"/> for good (e.g. -0.05).</summary>
public sealed record Gap(TimeSpan At, double Fraction, string? Symbol = null) : Scenario(At);
