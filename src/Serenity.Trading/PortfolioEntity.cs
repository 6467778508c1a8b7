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
    private readonly SnapshotSchedule _snapshots;
    private readonly PortfolioState _state;
    private readonly ValueHistory _history;
    private readonly Dictionary<string, QuoteSlot> _quotes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _followed = new(StringComparer.Ordinal);

    /// <summary>The portfolio of <paramref name="userId"/>.</summary>
    public PortfolioEntity(string userId, TradingSettings settings)
    {
        _userId = userId;
        _updatesTopic = TradingTopics.Portfolio(userId);
        _settings = settings;
        _snapshots = new SnapshotSchedule(PersistenceId, settings.SnapshotEvery);
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
            foreach (var q in e.Quotes ?? []) _quotes[q.Symbol] = QuoteSlot.From(q);
            ApplyFill(e.Fill, e.CashAfter);
        });
        Recover<PortfolioReset>(e => ApplyReset(e.Seq, e.StartingCash, e.Timestamp ?? Now));
        Recover<RecoveryCompleted>(_ => FollowHeldSymbols());
        Command<PortfolioDelivery>(OnDelivery);
        Command<Quote>(q => OnQuote(q.Symbol, q.BidPrice, q.BidSize, q.AskPrice, q.AskSize, q.Timestamp, fromTopic: true));
        Command<QuoteReply>(r => { if (r.Quote is { } q) OnQuote(q.Symbol, q.Bid, q.BidSize, q.Ask, q.AskSize, q.Timestamp, fromTopic: false); });
        Command<GetPortfolio>(_ => Sender.Tell(View()));
        Command<GetValueHistory>(q => Sender.Tell(new ValueHistoryView(_userId, _history.Between(q.From, q.To))));
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(_snapshots.Superseded(s.Metadata.SequenceNr)));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { }); // an old snapshot left behind is harmless
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
            // Deferred durability (no fsync of its own): if a power loss takes it, it takes every confirmation the account
            // journaled after this ack too, so the account still holds the fill and re-sends it.
            Persist(new FillApplied(fill) { CashAfter = d.CashAfter, Quotes = [.. _quotes.Values.Select(q => q.ToTickerQuote())] }, WriteDurability.Deferred, e =>
            {
                ApplyFill(e.Fill, e.CashAfter);
                Applied(replyTo, e.Fill.Seq);
            });
        }
    }

    private void ApplyFill(Fill fill, decimal? cashAfter)
    {
        _state.Apply(fill, cashAfter);
        PortfolioValuation.AddPoint(_history, fill.Timestamp, _state, _quotes);
    }

    private void ApplyReset(long seq, decimal? startingCash, DateTime at)
    {
        _state.Reset(seq, startingCash);
        _quotes.Clear();
        _history.Clear();
        PortfolioValuation.AddPoint(_history, at, _state, _quotes);
    }

    private void Applied(IActorRef replyTo, long seq)
    {
        replyTo.Tell(new DeliveryAck(seq));
        FollowHeldSymbols();
        if (HasUpdateSubscribers()) PublishUpdate(View());
        if (_snapshots.IsDue(LastSequenceNr)) SaveSnapshot(_state.ToSnapshot(_history.Between(null, null)));
    }

    /// <summary>
    /// A quote from the topic replaces one at least as old; the Ticker's answer (asked when a position opens) only fills
    /// a gap, since a topic quote with the same time may have overtaken it.
    /// </summary>
    private void OnQuote(string symbol, decimal bid, decimal bidSize, decimal ask, decimal askSize, DateTime timestamp, bool fromTopic)
    {
        if (!_state.Positions.TryGetValue(symbol, out var position)) return;
        var slot = _quotes.GetValueOrDefault(symbol);
        if (slot is not null && (fromTopic ? timestamp < slot.Timestamp : timestamp <= slot.Timestamp)) return;
        var before = PortfolioValuation.MarkPrice(position.Quantity, slot);
        if (slot is null) _quotes[symbol] = slot = new QuoteSlot(symbol);
        slot.Set(bid, bidSize, ask, askSize, timestamp);
        if (before == PortfolioValuation.MarkPrice(position.Quantity, slot)) return; // not revalued
        // Valuing the whole portfolio is only worth it for a history point or a subscriber (quotes come many per minute).
        var now = Now;
        var due = _history.IsDue(now);
        var followed = HasUpdateSubscribers();
        if (!due && !followed) return;
        if (due) PortfolioValuation.AddPoint(_history, now, _state, _quotes);
        if (followed) PublishUpdate(View());
    }

    /// <summary>Follows the quotes of exactly the held symbols; asks a newly held symbol's ticker for its quote at once.</summary>
    private void FollowHeldSymbols()
    {
        // Runs on every fill: plain loops, no closures or iterators when nothing changed (the usual case).
        var pubSub = DistributedPubSub.Get(Context.System);
        List<string>? sold = null;
        foreach (var symbol in _followed)
        {
            if (!_state.Positions.ContainsKey(symbol)) (sold ??= []).Add(symbol);
        }
        for (var i = 0; i < (sold?.Count ?? 0); i++)
        {
            pubSub.Unsubscribe(TickerEntity.Topic(sold![i]), Self);
            _followed.Remove(sold[i]);
            _quotes.Remove(sold[i]);
        }
        foreach (var symbol in _state.HeldSymbols)
        {
            if (_followed.Add(symbol)) Follow(pubSub, symbol);
        }
    }

    private void Follow(DistributedPubSub pubSub, string symbol)
    {
        var self = Self;
        pubSub.Subscribe(TickerEntity.Topic(symbol), self);
        ClusterSharding.Get(Context.System).EntityRefFor(TradingEntities.TickerType, symbol)
            .Ask<QuoteReply>(new GetQuote(), _settings.QuoteTimeout)
            .ContinueWith(t => { if (t.IsCompletedSuccessfully) self.Tell(t.Result); }, TaskScheduler.Default);
    }

    private bool HasUpdateSubscribers() => DistributedPubSub.Get(Context.System).SubscriberCount(_updatesTopic) > 0;

    private void PublishUpdate(PortfolioView view) => DistributedPubSub.Get(Context.System).Publish(_updatesTopic, new PortfolioUpdated(view));

    private PortfolioView View() => PortfolioValuation.View(_userId, _state, _quotes);
}
