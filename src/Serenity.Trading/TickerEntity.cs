using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.MarketData;
using Serenity.MarketData.Graph;
using Serenity.Persistence;
using Serenity.Persistence.Snapshots;

namespace Serenity.Trading;

/// <summary>
/// One symbol's ticker: follows <c>quotes.{SYM}</c>, <c>trades.{SYM}</c>, <c>bars.{SYM}</c> and <c>status.{SYM}</c>;
/// answers <see cref="GetQuote"/>, <see cref="GetTicker"/> and <see cref="GetBars"/>. Minute bars and halts are
/// journaled; quotes and trades are not (they come too fast and are soon replaced) but are in the snapshots, which are
/// saved every <c>ticker-snapshot-interval</c> when something changed and after every <c>snapshot-every</c> bars.
/// Older snapshots are deleted once a new one is saved.
/// </summary>
public sealed class TickerEntity : ReceivePersistentActor, IWithTimers
{
    private static readonly object SnapshotTick = new();
    private readonly string _symbol;
    private readonly TradingSettings _settings;
    private readonly TickerState _state;
    private readonly Action<TickerBarRecorded> _barRecorded; // one delegate for every bar, not one per bar
    private bool _dirty;
    private int _eventsSinceSnapshot;

    /// <summary>A ticker for <paramref name="symbol"/>.</summary>
    public TickerEntity(string symbol, TradingSettings settings)
    {
        _symbol = symbol;
        _settings = settings;
        _state = new TickerState(symbol, settings);
        _barRecorded = OnBarRecorded;
        Recover<SnapshotOffer>(o => _state.Restore(o.Snapshot));
        Recover<TickerBarRecorded>(e => _state.Apply(e.Bar));
        Recover<TickerHaltChanged>(e => _state.SetHalted(e.Halted));
        Recover<RecoveryCompleted>(_ => Timers.StartPeriodicTimer(SnapshotTick, SnapshotTick, _settings.TickerSnapshotInterval));
        Command<Quote>(OnQuote);
        Command<TickerQuote>(q => Changed(_state.OnQuote(q)));
        Command<Trade>(OnTrade);
        Command<TickerTrade>(t => Changed(_state.OnTrade(t)));
        Command<Bar>(OnBar);
        Command<TradingStatus>(OnStatus);
        Command<GetQuote>(_ => Sender.Tell(new QuoteReply(_symbol, _state.Quote)));
        Command<GetTicker>(_ => Sender.Tell(_state.View()));
        Command<GetBars>(q => Sender.Tell(_state.BarsView(q)));
        Command<object>(_ => SaveIfDirty(), m => ReferenceEquals(m, SnapshotTick));
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(_ => _dirty = true);
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { }); // an old snapshot left behind is harmless
    }

    /// <summary>Props for the ticker of <paramref name="symbol"/>.</summary>
    public static Props Props(string symbol, TradingSettings settings) => Actors.Props.Create(() => new TickerEntity(symbol, settings));

    /// <inheritdoc />
    public override string PersistenceId => "ticker-" + _symbol;

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The pub/sub topic that carries <paramref name="symbol"/>'s quotes.</summary>
    public static string Topic(string symbol) => PubSubMarketDataPublisher.QuotesTopic(symbol);

    private IEnumerable<string> Topics =>
    [
        Topic(_symbol),
        PubSubMarketDataPublisher.TradesTopic(_symbol),
        PubSubMarketDataPublisher.BarsTopic(_symbol),
        PubSubMarketDataPublisher.StatusTopic(_symbol),
    ];

    /// <inheritdoc />
    protected override void PreStart()
    {
        var pubSub = DistributedPubSub.Get(Context.System);
        foreach (var topic in Topics) pubSub.Subscribe(topic, Self);
        base.PreStart();
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        var pubSub = DistributedPubSub.Get(Context.System);
        foreach (var topic in Topics) pubSub.Unsubscribe(topic, Self);
        base.PostStop();
    }

    private bool Mine(string symbol) => string.Equals(symbol, _symbol, StringComparison.Ordinal);

    private void OnQuote(Quote q)
    {
        if (Mine(q.Symbol)) Changed(_state.OnQuote(new TickerQuote(q.Symbol, q.BidPrice, q.BidSize, q.AskPrice, q.AskSize, q.Timestamp)));
    }

    private void OnTrade(Trade t)
    {
        if (Mine(t.Symbol)) Changed(_state.OnTrade(new TickerTrade(t.Price, t.Size, t.Timestamp)));
    }

    private void OnBar(Bar bar)
    {
        if (!_state.Changes(bar)) return;
        Persist(new TickerBarRecorded(bar), _barRecorded);
    }

    private void OnBarRecorded(TickerBarRecorded e)
    {
        _state.Apply(e.Bar);
        Journaled();
    }

    private void OnStatus(TradingStatus s)
    {
        if (!Mine(s.Symbol)) return;
        bool? halted = s.StatusCode switch
        {
            TradingStatus.HaltCode or "P" or "Q" => true, // halt, volatility pause, quotation-only: no trading
            TradingStatus.ResumeCode => false,
            _ => null,
        };
        if (halted is not { } h || h == _state.Halted) return;
        Persist(new TickerHaltChanged(h, s.Timestamp), e =>
        {
            _state.SetHalted(e.Halted);
            Journaled();
        });
    }

    private void Changed(bool changed) => _dirty |= changed;

    private void Journaled()
    {
        _dirty = true;
        if (++_eventsSinceSnapshot >= _settings.SnapshotEvery) SaveIfDirty();
    }

    private void SaveIfDirty()
    {
        if (!_dirty) return;
        _dirty = false;
        _eventsSinceSnapshot = 0;
        SaveSnapshot(_state.ToSnapshot());
    }
}
