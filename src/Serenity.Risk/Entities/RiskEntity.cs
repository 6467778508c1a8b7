using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.Cluster.Sharding;
using Serenity.Risk.Measures;
using Serenity.Trading;

namespace Serenity.Risk.Entities;

/// <summary>
/// One user's live risk (shard type <c>risk</c>, id = user id). It follows the account (<c>account.{user}</c>: fills and
/// cash, synced with <see cref="GetAccount"/> at start and after a reset), tells the node's <see cref="ScenarioHub"/>
/// which symbols it holds (the hub seeds a window when a position opens and frees it when the last holder closes), and
/// reprices its positions over every scenario set the hub publishes: VaR/ES, contributions, exposure and the drawdown
/// of the portfolio's value history, published on <c>risk.{user}</c> while someone subscribes and answered by
/// <see cref="GetRisk"/>. It also answers the account's <see cref="PreTradeCheckRequest"/>. Everything it holds is
/// derived from the account, the portfolio and the market, so it journals nothing: a restart re-derives it (the risk
/// history for the chart starts again). The hub tells it the scenarios directly (once its symbols are seeded, then once
/// a minute while it holds something), so 10,000 entities add no subscription anywhere but their account topic.
/// </summary>
public sealed partial class RiskEntity : ReceiveActor, IWithTimers
{
    /// <summary>How long an entity waits before asking an account that did not answer again.</summary>
    private static readonly TimeSpan AccountRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly object AccountUnanswered = new();
    private static readonly object SyncAccountAgain = new();

    private readonly string _userId;
    private readonly RiskActorSettings _settings;
    private readonly IActorRef _hub;
    private readonly Dictionary<string, decimal> _holdings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _fillPrices = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tracked = new(StringComparer.Ordinal);
    private readonly ValuePathDrawdown _drawdown = new();
    private RiskScenarios _scenarios = RiskScenarios.Empty;
    private decimal _cash;
    private DateTime _lastValueFetch = DateTime.MinValue;
    private bool _fetchingValues;
    private bool _fetchValuesAgain;

    /// <summary>The Risk entity of <paramref name="userId"/>, sharing the node's <paramref name="hub"/>.</summary>
    public RiskEntity(string userId, RiskActorSettings settings, IActorRef hub)
    {
        _userId = userId;
        _settings = settings;
        _hub = hub;
        Receive<RiskScenarios>(OnScenarios);
        Receive<AccountView>(OnAccountView);
        Receive<AccountUpdated>(OnAccountUpdated);
        Receive<ValuesFetched>(OnValues);
        Receive<GetRisk>(_ => Sender.Tell(new RiskView(_userId, Snapshot(), History())));
        Receive<GetRiskSnapshot>(_ => Sender.Tell(Snapshot()));
        Receive<PreTradeCheckRequest>(OnCheck);
        Receive<CheckScenarios>(OnCheckScenarios);
        Receive<WakeUp>(_ => { });
        Receive<PriceSeeded>(OnPriceSeeded);
        Receive<object>(_ => Timers.StartSingleTimer(SyncAccountAgain, SyncAccountAgain, AccountRetryDelay), m => ReferenceEquals(m, AccountUnanswered));
        Receive<object>(_ => SyncAccount(), m => ReferenceEquals(m, SyncAccountAgain));
    }

    /// <summary>Props of the Risk entity of <paramref name="userId"/>.</summary>
    public static Props Props(string userId, RiskActorSettings settings, IActorRef hub) => Serenity.Actors.Props.Create(() => new RiskEntity(userId, settings, hub));

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    private DateTime Now => Context.System.Clock.GetUtcNow().UtcDateTime;

    /// <inheritdoc />
    protected override void PreStart()
    {
        DistributedPubSub.Get(Context.System).Subscribe(TradingTopics.Account(_userId), Self);
        SyncAccount();
        FetchValues(full: true);
        base.PreStart();
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        DistributedPubSub.Get(Context.System).Unsubscribe(TradingTopics.Account(_userId), Self);
        if (_tracked.Count > 0) _hub.Tell(new TrackSymbols([], [.. _tracked]), Self);
        base.PostStop();
    }

    private EntityRef Entity(string type) => ClusterSharding.Get(Context.System).EntityRefFor(type, _userId);

    /// <summary>
    /// Asks the account for cash and holdings; updates published meanwhile are applied and then overwritten by the view.
    /// Without an answer in <c>ask-timeout</c> (a node busy starting thousands of entities) it asks again a second later,
    /// as without the view the entity would show an empty portfolio until the next fill.
    /// </summary>
    private void SyncAccount()
    {
        var self = Self;
        Entity(TradingEntities.AccountType).Ask<AccountView>(new GetAccount(), _settings.AskTimeout)
            .ContinueWith(t => self.Tell(t.IsCompletedSuccessfully ? t.Result : AccountUnanswered), TaskScheduler.Default);
    }

    private void OnAccountView(AccountView v)
    {
        _holdings.Clear();
        foreach (var (symbol, quantity) in v.Holdings)
        {
            if (quantity != 0m) _holdings[symbol] = quantity;
        }
        _cash = v.Cash;
        Changed();
        SeedUnpricedHoldings();
    }

    private void OnAccountUpdated(AccountUpdated u)
    {
        _cash = u.Cash;
        if (u.Fill is { } fill)
        {
            var quantity = _holdings.GetValueOrDefault(fill.Symbol) + (fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity);
            if (quantity == 0m) _holdings.Remove(fill.Symbol);
            else _holdings[fill.Symbol] = quantity;
            _fillPrices[fill.Symbol] = fill.Price;
            FetchValues(full: false);
        }
        else if (u.Order is null)
        {
            // A reset: no holdings, starting cash, a new value history.
            _holdings.Clear();
            SyncAccount();
            FetchValues(full: true);
        }
        Changed();
    }

    /// <summary>The holdings changed: follow the held symbols' windows and reprice.</summary>
    private void Changed()
    {
        _heldInOrder = null;
        HoldingsChanged();
        var add = _holdings.Keys.Where(s => !_tracked.Contains(s)).ToList();
        var remove = _tracked.Where(s => !_holdings.ContainsKey(s)).ToList();
        if (add.Count + remove.Count > 0)
        {
            foreach (var s in add) _tracked.Add(s);
            foreach (var s in remove) _tracked.Remove(s);
            _hub.Tell(new TrackSymbols(add, remove), Self);
        }
        Reprice(newScenarios: false);
    }

    private void OnScenarios(RiskScenarios s)
    {
        if (s.Version <= _scenarios.Version) return;
        _scenarios = s;
        if (_holdings.Count == 0 && _positions.Count == 0 && _computedAt != default) return; // nothing held: nothing moves
        Reprice(newScenarios: true);
        SeedUnpricedHoldings();
        if (_settings.DrawdownRefresh is { } every && Now - _lastValueFetch >= every) FetchValues(full: false);
    }

    /// <summary>Fetches the portfolio's value history: all of it, or the points since the newest one seen.</summary>
    private void FetchValues(bool full)
    {
        if (_fetchingValues)
        {
            _fetchValuesAgain = true;
            if (full) _drawdown.Clear();
            return;
        }
        if (full) _drawdown.Clear();
        _fetchingValues = true;
        _lastValueFetch = Now;
        var self = Self;
        Entity(TradingEntities.PortfolioType).Ask<ValueHistoryView>(new GetValueHistory(_drawdown.NewestTimestamp), _settings.AskTimeout)
            .ContinueWith(t => self.Tell(new ValuesFetched(t.IsCompletedSuccessfully ? t.Result.Points : null)), TaskScheduler.Default);
    }

    private void OnValues(ValuesFetched f)
    {
        _fetchingValues = false;
        if (f.Points is { } points && _drawdown.Add(points)) Reprice(newScenarios: false);
        if (_fetchValuesAgain)
        {
            _fetchValuesAgain = false;
            FetchValues(full: false);
        }
    }

    /// <summary>The portfolio's value points, back in the actor (null: no answer in time).</summary>
    private sealed record ValuesFetched(IReadOnlyList<ValuePoint>? Points);
}
