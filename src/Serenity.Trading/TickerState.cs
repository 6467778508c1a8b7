using Serenity.MarketData;

namespace Serenity.Trading;

/// <summary>
/// A ticker's state: last quote and trade, a bounded window of minute bars (oldest first), the halt flag and the
/// trading day's reference price (the last price before the day began; the first price seen when there was none).
/// </summary>
internal sealed class TickerState(string symbol, TradingSettings settings)
{
    private readonly List<Bar> _bars = [];

    public TickerQuote? Quote { get; private set; }

    public TickerTrade? LastTrade { get; private set; }

    public bool Halted { get; private set; }

    public decimal? ReferencePrice { get; private set; }

    /// <summary>The end of the trading day the reference price belongs to.</summary>
    public DateTime? ReferenceDay { get; private set; }

    public IReadOnlyList<Bar> Bars => _bars;

    /// <summary>Takes a quote unless it is older than the one held; true when it changed the state.</summary>
    public bool OnQuote(TickerQuote q)
    {
        if (Quote is not null && q.Timestamp < Quote.Timestamp) return false;
        if (q == Quote) return false;
        Quote = q;
        return true;
    }

    /// <summary>Takes a trade unless it is older than the last one; true when it changed the state.</summary>
    public bool OnTrade(TickerTrade t)
    {
        if (LastTrade is not null && t.Timestamp < LastTrade.Timestamp) return false;
        RollDay(t.Timestamp, t.Price);
        LastTrade = t;
        return true;
    }

    /// <summary>Whether <paramref name="bar"/> would change the window (a new minute, or new values for a held one).</summary>
    public bool Changes(Bar bar)
    {
        if (bar.Kind == BarKind.Daily || !string.Equals(bar.Symbol, symbol, StringComparison.Ordinal)) return false;
        var i = IndexOf(bar.Timestamp);
        if (i >= 0) return _bars[i] != Normalize(bar);
        return _bars.Count < settings.BarWindow || bar.Timestamp > _bars[0].Timestamp;
    }

    /// <summary>Adds or replaces a minute bar, keeping the newest <see cref="TradingSettings.BarWindow"/>.</summary>
    public void Apply(Bar bar)
    {
        if (!Changes(bar)) return;
        bar = Normalize(bar);
        var i = IndexOf(bar.Timestamp);
        if (i >= 0)
        {
            _bars[i] = bar;
            return;
        }
        RollDay(bar.Timestamp, bar.Open);
        _bars.Insert(~i, bar);
        if (_bars.Count > settings.BarWindow) _bars.RemoveRange(0, _bars.Count - settings.BarWindow);
    }

    public void SetHalted(bool halted) => Halted = halted;

    /// <summary>The simple moving average of the last <paramref name="n"/> minute closes (4 decimals), null with fewer bars.</summary>
    public decimal? Sma(int n)
    {
        if (_bars.Count < n) return null;
        var sum = 0m;
        for (var i = _bars.Count - n; i < _bars.Count; i++) sum += _bars[i].Close;
        return Math.Round(sum / n, 4, MidpointRounding.ToEven);
    }

    public TickerView View() => new(symbol, Quote, LastTrade, ReferencePrice, Sma(10), Sma(20), Halted);

    public BarsView BarsView(GetBars q)
    {
        var bucket = Math.Max(1, q.BucketMinutes);
        var selected = _bars.Where(b => (q.From is not { } from || b.Timestamp >= from) && (q.To is not { } to || b.Timestamp < to)).ToList();
        return new BarsView(symbol, bucket, BarBuckets.Aggregate(selected, bucket));
    }

    public TickerStateSnapshot ToSnapshot() => new(Quote, LastTrade, [.. _bars], Halted, ReferencePrice, ReferenceDay);

    public void Restore(object snapshot)
    {
        switch (snapshot)
        {
            case TickerSnapshot old:
                Quote = old.Quote;
                break;
            case TickerStateSnapshot s:
                Quote = s.Quote;
                LastTrade = s.LastTrade;
                _bars.Clear();
                _bars.AddRange(s.Bars.OrderBy(b => b.Timestamp));
                Halted = s.Halted;
                ReferencePrice = s.ReferencePrice;
                ReferenceDay = s.ReferenceDay;
                break;
        }
    }

    /// <summary>On the first price of a new trading day, the last price before it becomes the reference.</summary>
    private void RollDay(DateTime timestamp, decimal firstPrice)
    {
        var day = settings.SessionEndAfter(timestamp);
        if (ReferenceDay is { } current && day <= current) return;
        ReferencePrice = LastPrice() ?? firstPrice;
        ReferenceDay = day;
    }

    private decimal? LastPrice()
    {
        var bar = _bars.Count > 0 ? _bars[^1] : null;
        if (LastTrade is { } t && (bar is null || t.Timestamp >= bar.Timestamp)) return t.Price;
        return bar?.Close;
    }

    private static Bar Normalize(Bar bar) => bar.Kind == BarKind.Minute ? bar : bar with { Kind = BarKind.Minute };

    private int IndexOf(DateTime timestamp)
    {
        int lo = 0, hi = _bars.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = _bars[mid].Timestamp.CompareTo(timestamp);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return ~lo;
    }
}
