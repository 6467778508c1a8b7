namespace Serenity.Risk.Measures;

/// <summary>
/// The maximum drawdown of a value path: the largest fall from a running peak to a later value, as a
/// fraction of that peak (<see cref="Fraction"/>) and in money (<see cref="Amount"/>, the same episode).
/// </summary>
/// <param name="Amount">Peak minus trough of the largest relative fall (0 when the path never falls).</param>
/// <param name="Fraction">(peak - trough) / peak, 0..1.</param>
/// <param name="PeakIndex">Index of that peak in the path (-1 without a fall).</param>
/// <param name="TroughIndex">Index of that trough in the path (-1 without a fall).</param>
public readonly record struct Drawdown(decimal Amount, double Fraction, int PeakIndex, int TroughIndex)
{
    /// <summary>No drawdown.</summary>
    public static Drawdown None => new(0m, 0, -1, -1);

    /// <summary>The maximum drawdown of <paramref name="path"/> (O(n), one pass).</summary>
    public static Drawdown Of(IEnumerable<decimal> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var tracker = new DrawdownTracker();
        foreach (var value in path) tracker.Add(value);
        return tracker.Maximum;
    }
}
