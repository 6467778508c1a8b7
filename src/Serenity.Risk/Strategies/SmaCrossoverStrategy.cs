using System.Globalization;
using Serenity.MarketData;

namespace Serenity.Risk.Strategies;

/// <summary>
/// SMA crossover on minute-bar closes: entry when the short SMA (default 10) crosses above the long SMA
/// (default 20), exit when it crosses below. A cross at bar t means (short - long) was &lt;= 0 at bar t-1 and
/// &gt; 0 at bar t (below: &gt;= 0 then &lt; 0), so the first possible signal is at bar long + 1: never before
/// the long SMA exists for two bars. Only minute bars count; corrections, daily bars and bars not newer
/// than the last one are ignored. Sums are exact (decimal), kept in a ring: O(1) per bar.
/// </summary>
public sealed class SmaCrossoverStrategy : IStrategy
{
    /// <summary>The strategy's name.</summary>
    public const string StrategyName = "sma-crossover";

    private readonly decimal[] _closes;
    private readonly int _short;
    private readonly decimal _size;
    private decimal _shortSum;
    private decimal _longSum;
    private long _bars;
    private DateTime _last = DateTime.MinValue;
    private decimal? _previousSpread;

    /// <summary>Creates the strategy for <paramref name="symbol"/>, trading <paramref name="positionSize"/> shares.</summary>
    public SmaCrossoverStrategy(string symbol, decimal positionSize, int shortPeriod = 10, int longPeriod = 20)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(positionSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shortPeriod);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(longPeriod, shortPeriod);
        Symbol = symbol;
        _size = positionSize;
        _short = shortPeriod;
        _closes = new decimal[longPeriod];
    }

    /// <inheritdoc />
    public string Name => StrategyName;

    /// <inheritdoc />
    public string Symbol { get; }

    /// <inheritdoc />
    public bool InPosition { get; private set; }

    /// <summary>The short SMA, or null before enough bars.</summary>
    public decimal? ShortSma => _bars >= _short ? _shortSum / _short : null;

    /// <summary>The long SMA, or null before enough bars.</summary>
    public decimal? LongSma => _bars >= _closes.Length ? _longSum / _closes.Length : null;

    /// <inheritdoc />
    public StrategySignal? OnBar(Bar bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        if (bar.Kind != BarKind.Minute || bar.Timestamp <= _last || !string.Equals(bar.Symbol, Symbol, StringComparison.Ordinal)) return null;
        _last = bar.Timestamp;
        Push(bar.Close);
        if (ShortSma is not { } shortSma || LongSma is not { } longSma) return null;
        var spread = shortSma - longSma;
        var previous = _previousSpread;
        _previousSpread = spread;
        if (previous is not { } before) return null;
        if (!InPosition && before <= 0m && spread > 0m)
        {
            InPosition = true;
            return Signal(SignalKind.Entry, bar, shortSma, longSma, "crossed above");
        }
        if (InPosition && before >= 0m && spread < 0m)
        {
            InPosition = false;
            return Signal(SignalKind.Exit, bar, shortSma, longSma, "crossed below");
        }
        return null;
    }

    /// <inheritdoc />
    public void Resume(bool inPosition) => InPosition = inPosition;

    private void Push(decimal close)
    {
        var n = _closes.Length;
        var slot = (int)(_bars % n);
        if (_bars >= n) _longSum -= _closes[slot];
        if (_bars >= _short) _shortSum -= _closes[(int)((_bars - _short) % n)];
        _closes[slot] = close;
        _longSum += close;
        _shortSum += close;
        _bars++;
    }

    private StrategySignal Signal(SignalKind kind, Bar bar, decimal shortSma, decimal longSma, string what) => new(
        Name,
        Symbol,
        kind,
        bar.Timestamp,
        _size,
        string.Create(CultureInfo.InvariantCulture, $"SMA{_short} {shortSma:0.####} {what} SMA{_closes.Length} {longSma:0.####}"));
}
