using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.MarketData;
using Serenity.MarketData.Graph;
using Serenity.Risk.Entities;
using Serenity.Risk.Entities.Strategies;
using Serenity.Server.Api;
using Serenity.Server.Observability;
using Serenity.Trading;

namespace Serenity.Server.Push;

/// <summary>
/// The actor side of one WebSocket: subscribes to the topics the client asked for (<c>quotes.{SYM}</c>,
/// <c>bars.{SYM}</c>, the user's <c>account.{user}</c>, <c>portfolio.{user}</c>, <c>risk.{user}</c> and
/// <c>signals.{user}</c>) and hands what arrives to the
/// connection's <see cref="PushOutbox"/>. Unsubscribes everything when it stops.
/// </summary>
public sealed class PushSessionActor : ReceiveActor
{
    private readonly string _userId;
    private readonly PushOutbox _outbox;
    private readonly ServerMetrics _metrics;
    private readonly HashSet<string> _topics = new(StringComparer.Ordinal);

    /// <summary>Creates the actor.</summary>
    public PushSessionActor(string userId, PushOutbox outbox, ServerMetrics metrics)
    {
        _userId = userId;
        _outbox = outbox;
        _metrics = metrics;
        Receive<Quote>(q =>
        {
            _metrics.QuoteOffered();
            _outbox.OfferQuote(q);
        });
        Receive<Bar>(b => _outbox.Enqueue("bar", WireMapper.SymbolBar(b)));
        Receive<AccountUpdated>(OnAccount);
        Receive<PortfolioUpdated>(p => _outbox.OfferPortfolio(p.Portfolio));
        Receive<RiskSnapshot>(r =>
        {
            if (r.UserId == _userId) _outbox.OfferRisk(RiskWireMapper.Snapshot(r));
        });
        Receive<SignalUpdated>(u =>
        {
            if (u.UserId == _userId) _outbox.Enqueue("signal", RiskWireMapper.Signal(u.Signal));
        });
        Receive<SubscribeSymbols>(s =>
        {
            foreach (var symbol in s.Symbols)
            {
                Subscribe(PubSubMarketDataPublisher.QuotesTopic(symbol));
                Subscribe(PubSubMarketDataPublisher.BarsTopic(symbol));
            }
        });
        Receive<UnsubscribeSymbols>(s =>
        {
            foreach (var symbol in s.Symbols)
            {
                Unsubscribe(PubSubMarketDataPublisher.QuotesTopic(symbol));
                Unsubscribe(PubSubMarketDataPublisher.BarsTopic(symbol));
            }
        });
        Receive<SubscribeAccount>(_ =>
        {
            Subscribe(TradingTopics.Account(_userId));
            Subscribe(TradingTopics.Portfolio(_userId));
            Subscribe(RiskTopics.Risk(_userId));
            Subscribe(RiskTopics.Signals(_userId));
        });
    }

    /// <summary>Props of the actor.</summary>
    public static Props Props(string userId, PushOutbox outbox, ServerMetrics metrics) =>
        Actors.Props.Create(() => new PushSessionActor(userId, outbox, metrics));

    /// <inheritdoc />
    protected override void PostStop()
    {
        var pubSub = DistributedPubSub.Get(Context.System);
        foreach (var topic in _topics) pubSub.Unsubscribe(topic, Self);
    }

    private void OnAccount(AccountUpdated update)
    {
        if (update.UserId != _userId) return;
        if (update.Order is { } order) _outbox.Enqueue("order", WireMapper.Order(order));
        if (update.Fill is { } fill) _outbox.Enqueue("fill", WireMapper.Trade(fill));
        _outbox.OfferCash(update.Cash);
    }

    private void Subscribe(string topic)
    {
        if (_topics.Add(topic)) DistributedPubSub.Get(Context.System).Subscribe(topic, Self);
    }

    private void Unsubscribe(string topic)
    {
        if (_topics.Remove(topic)) DistributedPubSub.Get(Context.System).Unsubscribe(topic, Self);
    }

    /// <summary>Follow these symbols' quotes and bars.</summary>
    public sealed record SubscribeSymbols(IReadOnlyList<string> Symbols);

    /// <summary>Stop following these symbols.</summary>
    public sealed record UnsubscribeSymbols(IReadOnlyList<string> Symbols);

    /// <summary>Follow the user's own account, portfolio, risk and strategy signals.</summary>
    public sealed record SubscribeAccount;
}
