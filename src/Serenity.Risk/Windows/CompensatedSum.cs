namespace Serenity.Risk.Windows;

/// <summary>A Neumaier-compensated running sum: adding and subtracting many values keeps the error near one rounding.</summary>
internal struct CompensatedSum
{
    private double _sum;
    private double _compensation;

    /// <summary>The current sum.</summary>
    public readonly double Value => _sum + _compensation;

    /// <summary>Adds <paramref name="x"/> (subtract by adding the negation).</summary>
    public void Add(double x)
    {
        var t = _sum + x;
        _compensation += Math.Abs(_sum) >= Math.Abs(x) ? (_sum - t) + x : (x - t) + _sum;
        _sum = t;
    }

    /// <summary>Resets to zero.</summary>
    public void Clear()
    {
        _sum = 0;
        _compensation = 0;
    }
}
