using Serenity.Cluster.PubSub;

namespace Serenity.MarketData.Graph;

/// <summary>
/// Where the graph's output goes: quotes to <c>quotes.{SYM}</c>, bars to <c>bars.{SYM}</c>, trades to
/// <c>trades.{SYM}</c> and trading status changes (halts, resumptions) to <c>status.{SYM}</c>.
/// </summary>
public interface IMarketDataPublisher
{
    /// <summary>Publishes a quote that passed the bucket.</summary>
    void PublishQuote(Quote quote);

    /// <summary>Publishes a finished (or updated) bar.</summary>
    void PublishBar(Bar bar);

    /// <summary>Publishes a clean trade (never rationed: every print counts). Does nothing unless implemented.</summary>
    void PublishTrade(Trade trade)
    {
    }

    /// <summary>Publishes a trading status change (a halt or a resumption). Does nothing unless implemented.</summary>
    void PublishStatus(TradingStatus status)
    {
    }
}

/// <summary>
/// Publishes through the kernel's pub/sub (<see cref="DistributedPubSub"/>), which the cluster provider
/// carries over RabbitMQ. Each symbol's topics are looked up once, so publishing allocates nothing; an event's
/// <see cref="MarketEvent.SymbolId"/> finds its symbol's publisher in an array, without hashing the symbol.
/// </summary>
public sealed class PubSubMarketDataPublisher(DistributedPubSub pubSub) : IMarketDataPublisher
{
    /// <summary>The topic prefix of quotes.</summary>
    public const string QuotesPrefix = "quotes.";

    /// <summary>The topic prefix of bars.</summary>
    public const string BarsPrefix = "bars.";

    /// <summary>The topic prefix of trades.</summary>
    public const string TradesPrefix = "trades.";

    /// <summary>The topic prefix of trading status changes.</summary>
    public const string StatusPrefix = "status.";

    private readonly TopicsBySymbol _quotes = new(pubSub, QuotesPrefix);
    private readonly TopicsBySymbol _bars = new(pubSub, BarsPrefix);
    private readonly TopicsBySymbol _trades = new(pubSub, TradesPrefix);
    private readonly TopicsBySymbol _statuses = new(pubSub, StatusPrefix);

    /// <summary>The quote topic of <paramref name="symbol"/>.</summary>
    public static string QuotesTopic(string symbol) => QuotesPrefix + symbol;

    /// <summary>The bar topic of <paramref name="symbol"/>.</summary>
    public static string BarsTopic(string symbol) => BarsPrefix + symbol;

    /// <summary>The trade topic of <paramref name="symbol"/>.</summary>
    public static string TradesTopic(string symbol) => TradesPrefix + symbol;

    /// <summary>The trading status topic of <paramref name="symbol"/>.</summary>
    public static string StatusTopic(string symbol) => StatusPrefix + symbol;

    /// <inheritdoc />
    public void PublishQuote(Quote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        _quotes.Publish(quote);
    }

    /// <inheritdoc />
    public void PublishBar(Bar bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        _bars.Publish(bar);
    }

    /// <inheritdoc />
    public void PublishTrade(Trade trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        _trades.Publish(trade);
    }

    /// <inheritdoc />
    public void PublishStatus(TradingStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        _statuses.Publish(status);
    }

    /// <summary>
    /// One topic family (e.g. <c>quotes.{SYM}</c>): a publisher per symbol, made on first use. While no topic of the
    /// family has a subscriber (and the system is not clustered), publishing skips the symbol's lookup altogether.
    /// </summary>
    private sealed class TopicsBySymbol(DistributedPubSub pubSub, string prefix)
    {
        private readonly SymbolStates<TopicPublisher> _bySymbol = new(symbol => pubSub.Publisher(prefix + symbol, symbol), static publisher => publisher.Key);
        private readonly TopicPrefixWatch _listeners = pubSub.WatchPrefix(prefix);

        public void Publish(MarketEvent e)
        {
            if (_listeners.MayReachSubscribers) _bySymbol.Get(e).Publish(e);
        }
    }
}
