using Serenity.Cluster.Sharding;

namespace Serenity.Trading;

/// <summary>The handles of the entities an account talks to on every order, made once (a handle also keeps its direct route).</summary>
public sealed partial class AccountEntity
{
    private const int RememberedTickers = 256; // a bound, since the symbol of an order is the user's input
    private readonly Dictionary<string, EntityRef> _tickers = new(StringComparer.Ordinal);
    private EntityRef? _portfolio;

    private EntityRef PortfolioRef => _portfolio ??= ClusterSharding.Get(Context.System).EntityRefFor(TradingEntities.PortfolioType, _userId);

    private EntityRef TickerRef(string symbol)
    {
        if (_tickers.TryGetValue(symbol, out var known)) return known;
        var ticker = ClusterSharding.Get(Context.System).EntityRefFor(TradingEntities.TickerType, symbol);
        if (_tickers.Count < RememberedTickers) _tickers[symbol] = ticker;
        return ticker;
    }
}
