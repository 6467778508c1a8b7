using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.Cluster.Sharding;
using Serenity.Hocon;
using Serenity.MarketData;
using Serenity.Persistence;

namespace Serenity.Trading;

/// <summary>
/// One user's portfolio. The Account delivers fills (and resets) numbered 1, 2, 3...; the portfolio applies the next
/// number only, acknowledges duplicates without applying them again, and ignores gaps (the Account re-sends in order),
/// so every fill is applied exactly once whatever crashes or re-sends happen in between. It follows <c>quotes.{SYM}</c>
/// of the symbols it holds to value them (bid for longs, ask for shorts) and publishes <see cref="PortfolioUpdated"/> on
/// <c>portfolio.{user}</c> on every fill and every revaluation. The value history lives in the snapshots and is rebuilt
/// from the fills replayed after the latest one: revaluation points made since that snapshot are lost on a restart.
/// </summary>
public sealed class PortfolioEntity : ReceivePersistentActor
{
    private readonly string _userId;
    private readonly string _updatesTopic;
    private readonly TradingSettings _settings;
    private readonly PortfolioState _state;
    private readonly ValueHistory _history;
    private readonly Dictionary<string, TickerQuote> _quotes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _followed = new(StringComparer.Ordinal);

    /// <summary>The portfolio of <paramref name="userId"/>.</summary>
    public PortfolioEntity(string userId, TradingSettings settings)
    {
        _userId = userId;
        _updatesTopic = TradingTopics.Portfolio(userId);
        _settings = settings;
        _state = new PortfolioState(settings.StartingCash);
        _history = new ValueHistory(settings.ValueHistorySize, settings.ValueHistoryInterval);
        Recover<SnapshotOffer>(o =>
        {
            if (o.Snapshot is not PortfolioSnapshot s) return;
            _state.Restore(s);
            _history.Restore(s.ValueHistory);
        });
        Recover<FillApplied>(e =>
        {
            foreach (var q in e.Quotes ?? []) _quotes[q.Symbol] = q;
            ApplyFill(e.Fill, e.CashAfter);
        });
        Recover<PortfolioReset>(e => ApplyReset(e.Seq, e.StartingCash, e.Timestamp ?? Now));
        Recover<RecoveryCompleted>(_ => FollowHeldSymbols());
        Command<PortfolioDelivery>(OnDelivery);
        Command<Quote>(q => OnQuote(new TickerQuote(q.Symbol, q.BidPrice, q.BidSize, q.AskPrice, q.AskSize, q.Timestamp), fromTopic: true));
        Command<QuoteReply>(r => { if (r.Quote is { } q) OnQuote(q, fromTopic: false); });
        Command<GetPortfolio>(_ => Sender.Tell(View()));
        Command<GetValueHistory>(q => Sender.Tell(new ValueHistoryView(_userId, _history.Between(q.From, q.To))));
        Command<SaveSnapshotSuccess>(_ => { });
        Command<SaveSnapshotFailure>(_ => { }); // the journal still holds everything
    }

    /// <summary>The portfolio of <paramref name="userId"/> with default settings but a snapshot every <paramref name="snapshotEvery"/> events.</summary>
    public PortfolioEntity(string userId, int snapshotEvery = 100)
        : this(userId, TradingSettings.From(ConfigurationFactory.Empty) with { SnapshotEvery = Math.Max(1, snapshotEvery) })
    {
    }

    /// <summary>Props for the portfolio of <paramref name="userId"/>.</summary>
    public static Props Props(string userId, TradingSettings settings) => Actors.Props.Create(() => new PortfolioEntity(userId, settings));

    /// <summary>Props for the portfolio of <paramref name="userId"/> with default settings, snapshotting every <paramref name="snapshotEvery"/> events.</summary>
    public static Props Props(string userId, int snapshotEvery = 100) => Actors.Props.Create(() => new PortfolioEntity(userId, snapshotEvery));

    /// <inheritdoc />
    public override string PersistenceId => "portfolio-" + _userId;

    private DateTime Now => Context.System.Clock.GetUtcNow().UtcDateTime;

    /// <inheritdoc />
    protected override void PostStop()
    {
        var pubSub = DistributedPubSub.Get(Context.System);
        foreach (var symbol in _followed) pubSub.Unsubscribe(TickerEntity.Topic(symbol), Self);
        _followed.Clear();
        base.PostStop();
    }

    private void OnDelivery(PortfolioDelivery d)
    {
        if (d.Seq <= _state.AppliedSeq)
        {
            Sender.Tell(new DeliveryAck(_state.AppliedSeq)); // seen already: acknowledge, never apply twice
            return;
        }
        if (d.Seq != _state.AppliedSeq + 1) return; // a gap: wait for the Account to re-send in order
        var replyTo = Sender;
        if (d.Reset)
        {
            Persist(new PortfolioReset(d.Seq) { StartingCash = d.StartingCash, Timestamp = Now }, e =>
            {
                ApplyReset(e.Seq, e.StartingCash, e.Timestamp ?? Now);
                Applied(replyTo, e.Seq);
            });
        }
        else if (d.Fill is { } fill && fill.Seq == d.Seq)
        {
            // Quotes arriving meanwhile wait (persist stashes commands), so these are the ones ApplyFill values at.
            Persist(new FillApplied(fill) { CashAfter = d.CashAfter, Quotes = [.. _quotes.Values] }, e =>
            {
                ApplyFill(e.Fill, e.CashAfter);
                Applied(replyTo, e.Fill.Seq);
            });
        }
    }

    private void ApplyFill(Fill fill, decimal? cashAfter)
    {
        _state.Apply(fill, cashAfter);
        _history.Add(Point(fill.Timestamp));
    }

    private void ApplyReset(long seq, decimal? startingCash, DateTime at)
    {
        _state.Reset(seq, startingCash);
        _quotes.Clear();
        _history.Clear();
        _history.Add(Point(at));
    }

    private void Applied(IActorRef replyTo, long seq)
    {
        replyTo.Tell(new DeliveryAck(seq));
        FollowHeldSymbols();
        if (HasUpdateSubscribers()) PublishUpdate(View());
        if (LastSequenceNr % _settings.SnapshotEvery == 0) SaveSnapshot(_state.ToSnapshot([.. _history.Points]));
    }

    /// <summary>
    /// A quote from the topic replaces one at least as old; the Ticker's answer (asked when a position opens) only fills
    /// a gap, since a topic quote with the same time may have overtaken it.
    /// </summary>
    private void OnQuote(TickerQuote q, bool fromTopic)
    {
        if (!_state.Positions.TryGetValue(q.Symbol, out var position)) return;
        var old = _quotes.GetValueOrDefault(q.Symbol);
        if (old is not null && (fromTopic ? q.Timestamp < old.Timestamp : q.Timestamp <= old.Timestamp)) return;
        _quotes[q.Symbol] = q;
        if (PortfolioValuation.MarkPrice(position.Quantity, old) == PortfolioValuation.MarkPrice(position.Quantity, q)) return; // not revalued
        // Valuing the whole portfolio is only worth it for a history point or a subscriber (quotes come many per minute).
        var now = Now;
        var due = _history.IsDue(now);
        var followed = HasUpdateSubscribers();
        if (!due && !followed) return;
        if (due) _history.Add(Point(now));
        if (followed) PublishUpdate(View());
    }

    /// <summary>Follows the quotes of exactly the held symbols; asks a newly held symbol's ticker for its quote at once.</summary>
    private void FollowHeldSymbols()
    {
        var pubSub = DistributedPubSub.Get(Context.System);
        foreach (var symbol in _followed.Where(s => !_state.Positions.ContainsKey(s)).ToList())
        {
            pubSub.Unsubscribe(TickerEntity.Topic(symbol), Self);
            _followed.Remove(symbol);
            _quotes.Remove(symbol);
        }
        var self = Self;
        foreach (var symbol in _state.Positions.Keys.Where(_followed.Add))
        {
            pubSub.Subscribe(TickerEntity.Topic(symbol), Self);
            ClusterSharding.Get(Context.System).EntityRefFor(TradingEntities.TickerType, symbol)
                .Ask<QuoteReply>(new GetQuote(), _settings.QuoteTimeout)
                .ContinueWith(t => { if (t.IsCompletedSuccessfully) self.Tell(t.Result); }, TaskScheduler.Default);
        }
    }

    private bool HasUpdateSubscribers() => DistributedPubSub.Get(Context.System).SubscriberCount(_updatesTopic) > 0;

    private void PublishUpdate(PortfolioView view) => DistributedPubSub.Get(Context.System).Publish(_updatesTopic, new PortfolioUpdated(view));

    /// <summary>A history point: the view's totals, without building its positions (a point is added every minute).</summary>
    private ValuePoint Point(DateTime at)
    {
        var marketValue = PortfolioValuation.MarketValue(_state, _quotes);
        return new ValuePoint(at, _state.Cash + marketValue, _state.Cash, marketValue);
    }

    private PortfolioView View() => PortfolioValuation.View(_userId, _state, _quotes);
}
