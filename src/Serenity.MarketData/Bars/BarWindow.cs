namespace Serenity.MarketData.Bars;

/// <summary>The running OHLCV of one symbol in one window; open and close follow trade time, not arrival.</summary>
internal sealed class BarWindow
{
    private DateTime _openTime = DateTime.MaxValue;
    private DateTime _closeTime = DateTime.MinValue;
    private decimal _open, _high, _low, _close, _volume, _notional;
    private long _count;

    public bool Fired { get; set; }

    public bool IsEmpty => _count == 0;

    public decimal Close => _close;

    public void Add(Trade t)
    {
        if (_count == 0)
        {
            _high = t.Price;
            _low = t.Price;
        }
        if (t.Timestamp < _openTime)
        {
            _openTime = t.Timestamp;
            _open = t.Price;
        }
        if (t.Timestamp >= _closeTime)
        {
            _closeTime = t.Timestamp;
            _close = t.Price;
        }
        if (t.Price > _high) _high = t.Price;
        if (t.Price < _low) _low = t.Price;
        _volume += t.Size;
        _notional += t.Price * t.Size;
        _count++;
    }

    public Bar ToBar(string symbol, DateTime start, BarKind kind) =>
        new(symbol, start, _open, _high, _low, _close, _volume, _count, _volume == 0 ? _close : Math.Round(_notional / _volume, 6), kind);
}
