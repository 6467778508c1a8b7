namespace Serenity.MarketData.Bars;

/// <summary>
/// Tumbling event-time windows (aligned to the interval, one minute by default) that turn trades into
/// OHLCV + VWAP + trade-count bars per symbol. The watermark follows the newest trade time (less
/// <see cref="BarOptions.WatermarkDelay"/>) or the clock (<see cref="AdvanceWatermark"/>); a window emits its
/// bar once the watermark passes its end. A late trade within <see cref="BarOptions.AllowedLateness"/>
/// re-emits the bar as <see cref="BarKind.Updated"/> (as Alpaca's <c>u</c> bars); a later one is dropped and
/// counted. A window without trades emits nothing (or a flat bar with <see cref="BarOptions.EmitEmptyBars"/>).
/// Not thread-safe: one per stream.
/// </summary>
public sealed class MinuteBarAggregator
{
    private readonly BarOptions _options;
    private readonly long _interval;
    private readonly SortedDictionary<long, Dictionary<string, BarWindow>> _windows = [];
    private readonly Dictionary<string, decimal> _lastClose = new(StringComparer.Ordinal);
    private long _watermark = long.MinValue;
    private long _lastFiredEnd = long.MinValue;
    private long _purgedUpTo = long.MinValue;
    private Dictionary<string, BarWindow>? _current;
    private long _currentStart = long.MinValue;

    /// <summary>An aggregator.</summary>
    public MinuteBarAggregator(BarOptions? options = null)
    {
        _options = options ?? new BarOptions();
        if (_options.Interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "Interval must be positive");
        _interval = _options.Interval.Ticks;
    }

    /// <summary>The watermark: every window ending at or before it has emitted.</summary>
    public DateTime Watermark => _watermark == long.MinValue ? DateTime.MinValue : new DateTime(_watermark, DateTimeKind.Utc);

    /// <summary>Trades dropped for arriving after their window's allowed lateness.</summary>
    public long LateTradesDropped { get; private set; }

    /// <summary>Trades that were late but within the allowed lateness (each re-emitted its bar).</summary>
    public long LateTradesAccepted { get; private set; }

    /// <summary>Adds a trade; appends the bars it causes (closed windows, an updated bar) to <paramref name="output"/>.</summary>
    public void OnTrade(Trade trade, List<Bar> output)
    {
        ArgumentNullException.ThrowIfNull(trade);
        ArgumentNullException.ThrowIfNull(output);
        var ticks = trade.Timestamp.Ticks;
        var start = ticks - (ticks % _interval);
        var end = start + _interval;
        if (_watermark != long.MinValue && end + _options.AllowedLateness.Ticks <= _watermark)
        {
            LateTradesDropped++;
            return;
        }
        var windows = WindowsAt(start);
        if (!windows.TryGetValue(trade.Symbol, out var window))
        {
            window = new BarWindow();
            windows[trade.Symbol] = window;
        }
        window.Add(trade);
        if (_options.EmitEmptyBars) _lastClose[trade.Symbol] = window.Close;
        if (end <= _lastFiredEnd)
        {
            // Its window has emitted already (or, never having had a trade, emitted nothing): late, within lateness.
            LateTradesAccepted++;
            output.Add(window.ToBar(trade.Symbol, new DateTime(start, DateTimeKind.Utc), window.Fired ? BarKind.Updated : BarKind.Minute));
            window.Fired = true;
        }
        AdvanceTo(ticks - _options.WatermarkDelay.Ticks, output);
    }

    /// <summary>Moves the watermark to <paramref name="time"/> (e.g. clock minus a delay when trades are sparse).</summary>
    public void AdvanceWatermark(DateTime time, List<Bar> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        AdvanceTo(time.Ticks, output);
    }

    private Dictionary<string, BarWindow> WindowsAt(long start)
    {
        if (start == _currentStart && _current is not null) return _current;
        if (!_windows.TryGetValue(start, out var windows))
        {
            windows = new Dictionary<string, BarWindow>(StringComparer.Ordinal);
            _windows[start] = windows;
        }
        if (start >= _currentStart)
        {
            _currentStart = start;
            _current = windows;
        }
        return windows;
    }

    private void AdvanceTo(long watermark, List<Bar> output)
    {
        if (watermark <= _watermark) return;
        _watermark = watermark;
        // Work happens only when the watermark crosses a window boundary, not on every trade.
        var firedUpTo = Floor(watermark); // every window ending by here fires now
        if (firedUpTo > _lastFiredEnd)
        {
            if (_options.EmitEmptyBars && _lastFiredEnd != long.MinValue)
            {
                for (var end = _lastFiredEnd + _interval; end <= firedUpTo; end += _interval) Fire(end - _interval, output);
            }
            else
            {
                var due = _windows.Keys.TakeWhile(start => start + _interval <= firedUpTo).Where(start => start + _interval > _lastFiredEnd).ToList();
                foreach (var start in due) Fire(start, output);
            }
            _lastFiredEnd = firedUpTo;
        }
        var purgeUpTo = Floor(watermark - _options.AllowedLateness.Ticks);
        if (purgeUpTo > _purgedUpTo)
        {
            Purge(purgeUpTo);
            _purgedUpTo = purgeUpTo;
        }
    }

    private long Floor(long ticks) => ticks - (((ticks % _interval) + _interval) % _interval);

    private void Fire(long start, List<Bar> output)
    {
        var time = new DateTime(start, DateTimeKind.Utc);
        _windows.TryGetValue(start, out var windows);
        if (windows is not null)
        {
            foreach (var (symbol, window) in windows)
            {
                if (window.Fired) continue;
                window.Fired = true;
                output.Add(window.ToBar(symbol, time, BarKind.Minute));
            }
        }
        if (!_options.EmitEmptyBars) return;
        foreach (var (symbol, close) in _lastClose)
        {
            if (windows is not null && windows.ContainsKey(symbol)) continue;
            output.Add(new Bar(symbol, time, close, close, close, close, 0, 0, close));
        }
    }

    private long FirstStart()
    {
        foreach (var start in _windows.Keys) return start;
        return long.MaxValue;
    }

    // Windows past their lateness can take no more trades: forget them.
    private void Purge(long before)
    {
        while (_windows.Count > 0)
        {
            var first = FirstStart();
            if (first + _interval > before) break;
            _windows.Remove(first);
            if (first == _currentStart)
            {
                _current = null;
                _currentStart = long.MinValue;
            }
        }
    }
}
