using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.MarketData;
using Serenity.MarketData.Graph;
using Serenity.Trading;

namespace Serenity.Server.Market;

/// <summary>
/// Feeds the <see cref="MarketBoard"/>: follows every configured symbol's quotes and asks each Ticker for its view
/// every <c>ticker-refresh-interval</c>. Asking also starts the Ticker entities, so they follow their quotes from
/// the start (an order needs a quote).
/// </summary>
public sealed class MarketBoardActor : ReceiveActor, IWithTimers
{
    private static readonly object Refresh = new();
    private readonly MarketBoard _board;
    private readonly TradingEntities _entities;
    private readonly TimeSpan _interval;

    /// <summary>Creates the actor.</summary>
    public MarketBoardActor(MarketBoard board, TradingEntities entities, TimeSpan interval)
    {
        _board = board;
        _entities = entities;
        _interval = interval;
        Receive<Quote>(q => _board.OnQuote(q, Context.System.Clock.GetUtcNow()));
        Receive<TickerView>(_board.OnView);
        Receive<QuoteReply>(_ => { });
        Receive<object>(_ => AskViews(), m => ReferenceEquals(m, Refresh));
    }

    /// <summary>Props of the actor.</summary>
    public static Props Props(MarketBoard board, TradingEntities entities, TimeSpan interval) =>
        Actors.Props.Create(() => new MarketBoardActor(board, entities, interval));

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <inheritdoc />
    protected override void PreStart()
    {
        var pubSub = DistributedPubSub.Get(Context.System);
        foreach (var symbol in _board.Symbols)
        {
            pubSub.Subscribe(PubSubMarketDataPublisher.QuotesTopic(symbol), Self);
            _entities.Ticker(symbol).Tell(new GetQuote(), Self); // starts the ticker entity
        }
        AskViews();
        Timers.StartPeriodicTimer(Refresh, Refresh, _interval);
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        var pubSub = DistributedPubSub.Get(Context.System);
        foreach (var symbol in _board.Symbols) pubSub.Unsubscribe(PubSubMarketDataPublisher.QuotesTopic(symbol), Self);
    }

    private void AskViews()
    {
        foreach (var symbol in _board.Symbols) _entities.Ticker(symbol).Tell(new GetTicker(), Self);
    }
}
