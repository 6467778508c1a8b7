using Serenity.Actors;
using Serenity.Cluster.Sharding;
using Serenity.Trading;

namespace Serenity.Risk.Entities;

/// <summary>The prices the Risk entity values its positions at.</summary>
public sealed partial class RiskEntity
{
    private readonly HashSet<string> _priceAsked = new(StringComparer.Ordinal);
    private bool _allPriced;

    /// <summary>The newest bar close, else the last fill price (or the Ticker's price seeded at start), else 0 (left out until a price is known).</summary>
    private decimal PriceOf(string symbol) =>
        _scenarios.Closes.TryGetValue(symbol, out var close) ? close : _fillPrices.GetValueOrDefault(symbol);

    /// <summary>The holdings changed: a new holding may have no price yet.</summary>
    private void HoldingsChanged()
    {
        _allPriced = false;
        _priceAsked.IntersectWith(_holdings.Keys);
    }

    /// <summary>
    /// A holding with neither a bar close nor a fill seen here (the entity started after the position opened, before
    /// the symbol's next bar) takes the Ticker's price meanwhile, so it is not valued at 0. Asked once the hub has the
    /// symbol's window (its close, from the stored bars, usually makes the Ticker's price unneeded), once per holding.
    /// </summary>
    private void SeedUnpricedHoldings()
    {
        if (_allPriced) return;
        var self = Self;
        _allPriced = true;
        foreach (var (symbol, quantity) in _holdings)
        {
            if (_scenarios.Closes.ContainsKey(symbol) || _fillPrices.ContainsKey(symbol)) continue;
            _allPriced = false;
            if (!_scenarios.Scenarios.TryGetRow(symbol, out _) || !_priceAsked.Add(symbol)) continue;
            var isLong = quantity > 0m;
            ClusterSharding.Get(Context.System).EntityRefFor(TradingEntities.TickerType, symbol)
                .Ask<TickerView>(new GetTicker(), _settings.AskTimeout)
                .ContinueWith(t =>
                {
                    if (t.IsCompletedSuccessfully && MarkPrice(t.Result, isLong) is { } price) self.Tell(new PriceSeeded(symbol, price));
                }, TaskScheduler.Default);
        }
    }

    /// <summary>The portfolio's valuation rule: the bid for a long, the ask for a short; else the last trade.</summary>
    private static decimal? MarkPrice(TickerView view, bool isLong) =>
        view.Quote is { } q && (isLong ? q.Bid : q.Ask) > 0m ? (isLong ? q.Bid : q.Ask) : view.LastTrade?.Price;

    private void OnPriceSeeded(PriceSeeded p)
    {
        if (!_holdings.ContainsKey(p.Symbol) || _fillPrices.ContainsKey(p.Symbol)) return; // a fill (or bar) came first
        _fillPrices[p.Symbol] = p.Price;
        Reprice(newScenarios: false);
    }

    /// <summary>The Ticker's price for a holding that had none, back in the actor.</summary>
    private sealed record PriceSeeded(string Symbol, decimal Price);

}
