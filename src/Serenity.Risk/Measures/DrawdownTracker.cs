namespace Serenity.Risk.Measures;

/// <summary>Maximum drawdown of a value history, updated in O(1) per new value (for a Risk entity's value history).</summary>
public sealed class DrawdownTracker
{
    private decimal _peak;
    private int _peakIndex = -1;

    /// <summary>Values seen.</summary>
    public int Count { get; private set; }

    /// <summary>The highest value seen (0 before the first).</summary>
    public decimal Peak => _peak;

    /// <summary>The current fall from the peak, as a fraction of the peak (0 at a peak).</summary>
    public double CurrentFraction { get; private set; }

    /// <summary>The largest drawdown so far.</summary>
    public Drawdown Maximum { get; private set; } = Drawdown.None;

    /// <summary>Adds the next value of the path.</summary>
    public void Add(decimal value)
    {
        var index = Count++;
        if (_peakIndex < 0 || value > _peak)
        {
            _peak = value;
            _peakIndex = index;
            CurrentFraction = 0;
            return;
        }
        var fall = _peak - value;
        CurrentFraction = _peak > 0m ? (double)(fall / _peak) : 0;
        if (fall > 0m && (CurrentFraction > Maximum.Fraction || (Maximum.TroughIndex < 0)))
        {
            Maximum = new Drawdown(fall, CurrentFraction, _peakIndex, index);
        }
    }
}
