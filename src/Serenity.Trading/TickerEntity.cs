using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.MarketData;
using Serenity.Persistence;

namespace Serenity.Trading;

/// <summary>
/// One symbol's ticker: follows <c>quotes.{SYM}</c>, keeps the last quote and answers <see cref="GetQuote"/>.
/// Quotes are not journaled one by one; a snapshot of the last quote is saved on an interval when it changed.
/// </summary>
public sealed class TickerEntity : ReceivePersistentActor, IWithTimers
{
    private static readonly object SnapshotTick = new();
    private readonly string _symbol;
    private readonly TradingSettings _settings;
    private TickerQuote? _last;
    private bool _dirty;

    /// <summary>A ticker for <paramref name="symbol"/>.</summary>
    public TickerEntity(string symbol, TradingSettings settings)
    {
        _symbol = symbol;
        _settings = settings;
        Recover<SnapshotOffer>(o => { if (o.Snapshot is TickerSnapshot s) _last = s.Quote; });
        Recover<RecoveryCompleted>(_ => Timers.StartPeriodicTimer(SnapshotTick, SnapshotTick, _settings.TickerSnapshotInterval));
        Command<Quote>(OnQuote);
        Command<TickerQuote>(q => Update(q));
        Command<GetQuote>(_ => Sender.Tell(new QuoteReply(_symbol, _last)));
        Command<object>(_ => SaveIfDirty(), m => ReferenceEquals(m, SnapshotTick));
        Command<SaveSnapshotSuccess>(_ => { });
        Command<SaveSnapshotFailure>(_ => _dirty = true);
    }

    /// <summary>Props for the ticker of <paramref name="symbol"/>.</summary>
    public static Props Props(string symbol, TradingSettings settings) => Actors.Props.Create(() => new TickerEntity(symbol, settings));

    /// <inheritdoc />
    public override string PersistenceId => "ticker-" + _symbol;

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The pub/sub topic that carries <paramref name="symbol"/>'s quotes.</summary>
    public static string Topic(string symbol) => "quotes." + symbol;

    /// <inheritdoc />
    protected override void PreStart()
    {
        DistributedPubSub.Get(Context.System).Subscribe(Topic(_symbol), Self);
        base.PreStart();
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        DistributedPubSub.Get(Context.System).Unsubscribe(Topic(_symbol), Self);
        base.PostStop();
    }

    private void OnQuote(Quote q)
    {
        if (!string.Equals(q.Symbol, _symbol, StringComparison.Ordinal)) return;
        Update(new TickerQuote(q.Symbol, q.BidPrice, q.BidSize, q.AskPrice, q.AskSize, q.Timestamp));
    }

    private void Update(TickerQuote q)
    {
        if (_last is not null && q.Timestamp < _last.Timestamp) return; // stale, out of order
        _last = q;
        _dirty = true;
    }

    private void SaveIfDirty()
    {
        if (!_dirty || _last is null) return;
        _dirty = false;
        SaveSnapshot(new TickerSnapshot(_last));
    }
}
