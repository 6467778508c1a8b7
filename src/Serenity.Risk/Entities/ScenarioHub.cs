using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.Cluster.Sharding;
using Serenity.MarketData;
using Serenity.MarketData.Graph;
using Serenity.Risk.Windows;
using Serenity.Trading;

namespace Serenity.Risk.Entities;

/// <summary>
/// One per node: the rolling return windows of every symbol some local Risk entity holds, shared by all of them. A window
/// is seeded from the Ticker's stored minute bars when the first holder arrives, advanced by <c>bars.{SYM}</c>, and freed
/// when the last holder leaves (or stops). Once a minute's bars are in for every tracked symbol (or <c>settle-delay</c>
/// after the first of them) the windows are lined up once into an immutable <see cref="RiskScenarios"/>, told to every
/// local Risk entity that holds something (one message each; no per-entity subscription) and published on the node's
/// event stream: 10,000 users then cost one alignment plus 10,000 repricings, not 10,000 alignments. An entity that starts
/// holding new symbols gets the scenarios once all of them are seeded; answers due together share one alignment.
/// </summary>
public sealed class ScenarioHub : ReceiveActor, IWithTimers
{
    private static readonly object SettleTick = new();
    private static readonly object FlushAnswers = new();
    private readonly RiskActorSettings _settings;
    private readonly WindowSet _windows;
    private readonly ScenarioHolders _holders = new();
    private readonly Dictionary<string, List<Bar>> _seeding = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTime> _probed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<IActorRef>> _probeWaiters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _closes = new(StringComparer.Ordinal);
    private readonly HashSet<IActorRef> _watched = [];
    private readonly List<IActorRef> _answers = [];
    private readonly List<IActorRef> _statsWhenSeeded = [];
    private RiskScenarios _latest = RiskScenarios.Empty;
    private long _publications;
    private bool _dirty;
    private bool _seededSinceAligned;

    /// <summary>A hub with windows of <c>serenity.risk.window</c> returns.</summary>
    public ScenarioHub(RiskActorSettings settings)
    {
        _settings = settings;
        _windows = new WindowSet(settings.Risk.WindowLength);
        Receive<TrackSymbols>(OnTrack);
        Receive<Bar>(OnBar);
        Receive<Seeded>(OnSeeded);
        Receive<GetLatestScenarios>(_ => Sender.Tell(Latest()));
        Receive<GetScenariosWith>(OnProbe);
        Receive<GetScenarioHubStats>(_ => Sender.Tell(Stats()));
        Receive<GetScenarioHubStatsWhenSeeded>(_ =>
        {
            _statsWhenSeeded.Add(Sender);
            AnswerStatsWhenSeeded();
        });
        Receive<Terminated>(t => Leave(t.ActorRef));
        Receive<object>(_ => PublishIfDirty(), m => ReferenceEquals(m, SettleTick));
        Receive<object>(_ => Answer(), m => ReferenceEquals(m, FlushAnswers));
    }

    /// <summary>Props of the hub.</summary>
    public static Props Props(RiskActorSettings settings) => Serenity.Actors.Props.Create(() => new ScenarioHub(settings));

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    private DateTime Now => Context.System.Clock.GetUtcNow().UtcDateTime;

    /// <inheritdoc />
    protected override void PostStop()
    {
        var pubSub = DistributedPubSub.Get(Context.System);
        foreach (var symbol in Tracked()) pubSub.Unsubscribe(PubSubMarketDataPublisher.BarsTopic(symbol), Self);
        base.PostStop();
    }

    private IEnumerable<string> Tracked() => _windows.Symbols.Concat(_seeding.Keys).ToList();

    private void OnTrack(TrackSymbols t)
    {
        var entity = Sender;
        var wasWaiting = _holders.IsWaiting(entity);
        foreach (var symbol in t.Add)
        {
            Ensure(symbol);
            _holders.Add(entity, symbol, seeding: _seeding.ContainsKey(symbol));
        }
        foreach (var symbol in t.Remove)
        {
            if (_holders.Remove(entity, symbol)) Free(symbol);
        }
        if (_watched.Add(entity)) Context.Watch(entity);
        // Else it is answered when its last window is seeded.
        if ((t.Add.Count > 0 || wasWaiting) && !_holders.IsWaiting(entity)) Due(entity);
    }

    private void Leave(IActorRef gone)
    {
        _watched.Remove(gone);
        _answers.Remove(gone);
        foreach (var symbol in _holders.RemoveEntity(gone)) Free(symbol);
    }

    /// <summary>Starts following <paramref name="symbol"/> and seeding its window, unless it already is.</summary>
    private void Ensure(string symbol)
    {
        if (_windows.Contains(symbol) || _seeding.ContainsKey(symbol)) return;
        _seeding[symbol] = [];
        DistributedPubSub.Get(Context.System).Subscribe(PubSubMarketDataPublisher.BarsTopic(symbol), Self);
        var self = Self;
        ClusterSharding.Get(Context.System).EntityRefFor(TradingEntities.TickerType, symbol)
            .Ask<BarsView>(new GetBars(), _settings.AskTimeout)
            .ContinueWith(t => self.Tell(new Seeded(symbol, t.IsCompletedSuccessfully ? t.Result.Bars : [])), TaskScheduler.Default);
    }

    private void Free(string symbol)
    {
        if (_probed.TryGetValue(symbol, out var at) && Now - at < _settings.ProbeTtl) return; // a pre-trade check looked at it lately
        _probed.Remove(symbol);
        _windows.Free(symbol);
        _seeding.Remove(symbol);
        _closes.Remove(symbol);
        DistributedPubSub.Get(Context.System).Unsubscribe(PubSubMarketDataPublisher.BarsTopic(symbol), Self);
        _dirty = true;
        AnswerStatsWhenSeeded();
    }

    private void OnSeeded(Seeded s)
    {
        if (!_seeding.Remove(s.Symbol, out var live)) return; // freed meanwhile
        var window = _windows.Seed(s.Symbol, s.Bars.Concat(live));
        if (window.LastClose is { } close) _closes[s.Symbol] = close;
        _seededSinceAligned = true;
        foreach (var entity in _holders.Seeded(s.Symbol)) Due(entity);
        if (_probeWaiters.Remove(s.Symbol, out var waiters)) waiters.ForEach(Due);
        if (_dirty && MinuteComplete()) Publish(); // the minute's bars were held up by this window only
        AnswerStatsWhenSeeded();
    }

    private void AnswerStatsWhenSeeded()
    {
        if (_seeding.Count > 0 || _statsWhenSeeded.Count == 0) return;
        var stats = Stats();
        foreach (var replyTo in _statsWhenSeeded) replyTo.Tell(stats, Self);
        _statsWhenSeeded.Clear();
    }

    /// <summary>
    /// <paramref name="replyTo"/> is to get the newest scenarios. Answers are sent together after the messages already
    /// queued (a self-message), so a burst of seeded windows at start costs one alignment, not one per window.
    /// </summary>
    private void Due(IActorRef replyTo)
    {
        if (_answers.Count == 0) Self.Tell(FlushAnswers, Self);
        _answers.Add(replyTo);
    }

    private void Answer()
    {
        if (_answers.Count == 0) return;
        var latest = Latest();
        foreach (var replyTo in _answers) replyTo.Tell(latest, Self);
        _answers.Clear();
    }

    private void OnBar(Bar bar)
    {
        if (_seeding.TryGetValue(bar.Symbol, out var pending))
        {
            pending.Add(bar);
            return;
        }
        if (!_windows.Advance(bar)) return;
        if (_windows.Get(bar.Symbol)?.LastClose is { } close) _closes[bar.Symbol] = close;
        _dirty = true;
        if (MinuteComplete()) Publish();
        else if (!Timers.IsTimerActive(SettleTick)) Timers.StartSingleTimer(SettleTick, SettleTick, _settings.SettleDelay);
    }

    /// <summary>True when every tracked window has a bar for the newest minute any of them has.</summary>
    private bool MinuteComplete()
    {
        if (_seeding.Count > 0) return false;
        DateTime? newest = null;
        var allSame = true;
        foreach (var symbol in _windows.Symbols)
        {
            if (_windows.Get(symbol)!.LastTimestamp is not { } t) continue; // no bar at all yet: it cannot hold the minute up
            if (newest is null) newest = t;
            else if (t != newest) allSame = false;
        }
        return allSame;
    }

    private void OnProbe(GetScenariosWith p)
    {
        var symbol = p.Symbol;
        if (!_holders.IsHeld(symbol)) _probed[symbol] = Now;
        if (_windows.Contains(symbol))
        {
            if (!_latest.Scenarios.TryGetRow(symbol, out _)) Align();
            Sender.Tell(_latest);
            return;
        }
        if (!_probeWaiters.TryGetValue(symbol, out var waiters)) _probeWaiters[symbol] = waiters = [];
        waiters.Add(Sender);
        Ensure(symbol);
    }

    private void PublishIfDirty()
    {
        if (_dirty) Publish();
    }

    /// <summary>The minute is complete (or settled): every entity that holds something gets the new scenarios.</summary>
    private void Publish()
    {
        Timers.Cancel(SettleTick);
        FreeStaleProbes();
        _dirty = false;
        Align();
        _publications++;
        foreach (var entity in _holders.Entities) entity.Tell(_latest, Self);
        Context.System.EventStream.Publish(_latest);
    }

    /// <summary>The newest scenarios, windows seeded since the last alignment included.</summary>
    private RiskScenarios Latest()
    {
        if (_seededSinceAligned) Align();
        return _latest;
    }

    /// <summary>Lines the windows up into a new <see cref="_latest"/>; only <see cref="Publish"/> sends it to every holder.</summary>
    private void Align()
    {
        _seededSinceAligned = false;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var symbol in _windows.Symbols) counts[symbol] = _windows.Get(symbol)!.Count;
        _latest = new RiskScenarios(_latest.Version + 1, _windows.Scenarios(), new Dictionary<string, decimal>(_closes, StringComparer.Ordinal), counts);
    }

    private void FreeStaleProbes()
    {
        foreach (var (symbol, at) in _probed.ToList())
        {
            if (Now - at < _settings.ProbeTtl) continue;
            _probed.Remove(symbol);
            if (!_holders.IsHeld(symbol)) Free(symbol);
        }
    }

    private ScenarioHubStats Stats() => new(
        _windows.Symbols.ToDictionary(s => s, s => _windows.Get(s)!.Count, StringComparer.Ordinal),
        _holders.Counts(),
        _latest.Version,
        _publications);

    /// <summary>A ticker's stored bars for a symbol being seeded (empty when it did not answer).</summary>
    private sealed record Seeded(string Symbol, IReadOnlyList<Bar> Bars);
}
