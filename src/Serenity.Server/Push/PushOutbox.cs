using Serenity.MarketData;
using Serenity.Server.Api;
using Serenity.Trading;

namespace Serenity.Server.Push;

/// <summary>
/// What one WebSocket still has to send. Ordered events (orders, fills, bars) queue up and are never dropped; quotes
/// coalesce per symbol (latest wins), and so do the account's cash, the portfolio and the risk snapshot. A flush takes everything at once.
/// Thread-safe: the session's actor offers, the writer loop drains.
/// </summary>
public sealed class PushOutbox
{
    private readonly object _gate = new();
    private readonly int _maxQueued;
    private List<(string Type, object Data)> _ordered = [];
    private Dictionary<string, Quote> _quotes = new(StringComparer.Ordinal);
    private PortfolioView? _portfolio;
    private decimal? _cash;
    private RiskSnapshotDto? _risk;
    private bool _overflowed;

    /// <summary>An outbox that overflows past <paramref name="maxQueued"/> ordered events.</summary>
    public PushOutbox(int maxQueued) => _maxQueued = maxQueued;

    /// <summary>Set when the outbox has something to send.</summary>
    public event Action? Signaled;

    /// <summary>Whether more ordered events arrived than the limit (the client cannot keep up: close it).</summary>
    public bool Overflowed
    {
        get
        {
            lock (_gate) return _overflowed;
        }
    }

    /// <summary>Offers a quote; an unsent older quote of the same symbol is replaced. True when it replaced one.</summary>
    public bool OfferQuote(Quote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        bool replaced;
        lock (_gate)
        {
            replaced = _quotes.ContainsKey(quote.Symbol);
            _quotes[quote.Symbol] = quote;
        }
        Signaled?.Invoke();
        return replaced;
    }

    /// <summary>Queues an event that must be sent, in order.</summary>
    public void Enqueue(string type, object data)
    {
        lock (_gate)
        {
            if (_ordered.Count >= _maxQueued) _overflowed = true;
            else _ordered.Add((type, data));
        }
        Signaled?.Invoke();
    }

    /// <summary>Records the newest portfolio (replaces an unsent one).</summary>
    public void OfferPortfolio(PortfolioView portfolio)
    {
        lock (_gate) _portfolio = portfolio;
        Signaled?.Invoke();
    }

    /// <summary>Records the account's newest cash (replaces an unsent one).</summary>
    public void OfferCash(decimal cash)
    {
        lock (_gate) _cash = cash;
        Signaled?.Invoke();
    }

    /// <summary>Records a risk snapshot; an unsent one is replaced unless it was computed later.</summary>
    public void OfferRisk(RiskSnapshotDto risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        lock (_gate)
        {
            if (_risk is null || _risk.ComputedAt <= risk.ComputedAt) _risk = risk;
        }
        Signaled?.Invoke();
    }

    /// <summary>Takes everything pending: ordered events first, then the cash and portfolio, the risk, then one quote per symbol.</summary>
    public PushBatch Drain()
    {
        lock (_gate)
        {
            var batch = new PushBatch(_ordered, _cash, _portfolio, [.. _quotes.Values]) { Risk = _risk };
            _risk = null;
            _ordered = [];
            _quotes = new Dictionary<string, Quote>(StringComparer.Ordinal);
            _cash = null;
            _portfolio = null;
            return batch;
        }
    }
}

/// <summary>One flush of an outbox.</summary>
public sealed record PushBatch(IReadOnlyList<(string Type, object Data)> Ordered, decimal? Cash, PortfolioView? Portfolio, IReadOnlyList<Quote> Quotes)
{
    /// <summary>The newest risk snapshot, or null.</summary>
    public RiskSnapshotDto? Risk { get; init; }

    /// <summary>Whether there is nothing to send.</summary>
    public bool IsEmpty => Ordered.Count == 0 && Cash is null && Portfolio is null && Quotes.Count == 0 && Risk is null;
}
