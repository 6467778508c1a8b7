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
/// history for the chart starts again).
/// </summary>
public sealed partial class RiskEntity : ReceiveActor
{
    [ThreadStatic]
    private static PortfolioRiskCalculator? t_calculator;

    private readonly string _userId;
    private readonly RiskActorSettings _settings;
    private readonly IActorRef _hub;
    private readonly Dictionary<string, decimal> _holdings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _fillPrices = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tracked = new(StringComparer.Ordinal);
    private readonly Queue<RiskHistoryPoint> _history = new();
    private readonly ValuePathDrawdown _drawdown = new();
    private RiskScenarios _scenarios = RiskScenarios.Empty;
    private decimal _cash;
    private RiskSnapshot? _snapshot;
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
        Receive<GetRisk>(_ => Sender.Tell(new RiskView(_userId, Snapshot(), [.. _history])));
        Receive<PreTradeCheckRequest>(OnCheck);
        Receive<CheckScenarios>(OnCheckScenarios);
        Receive<WakeUp>(_ => { });
        Receive<PriceSeeded>(OnPriceSeeded);
    }

    /// <summary>Props of the Risk entity of <paramref name="userId"/>.</summary>
    public static Props Props(string userId, RiskActorSettings settings, IActorRef hub) => Serenity.Actors.Props.Create(() => new RiskEntity(userId, settings, hub));

    private DateTime Now => Context.System.Clock.GetUtcNow().UtcDateTime;

    private static PortfolioRiskCalculator Calculator => t_calculator ??= new PortfolioRiskCalculator();

    /// <inheritdoc />
    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(RiskScenarios));
        DistributedPubSub.Get(Context.System).Subscribe(TradingTopics.Account(_userId), Self);
        SyncAccount();
        FetchValues(full: true);
        _hub.Tell(GetLatestScenarios.Instance, Self);
        base.PreStart();
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        DistributedPubSub.Get(Context.System).Unsubscribe(TradingTopics.Account(_userId), Self);
        if (_tracked.Count > 0) _hub.Tell(new TrackSymbols([], [.. _tracked]), Self);
        base.PostStop();
    }

    private EntityRef Entity(string type) => ClusterSharding.Get(Context.System).EntityRefFor(type, _userId);

    /// <summary>Asks the account for cash and holdings; updates published meanwhile are applied and then overwritten by the view.</summary>
    private void SyncAccount()
    {
        var self = Self;
        Entity(TradingEntities.AccountType).Ask<AccountView>(new GetAccount(), _settings.AskTimeout)
            .ContinueWith(t => { if (t.IsCompletedSuccessfully) self.Tell(t.Result); }, TaskScheduler.Default);
    }

    private void OnAccountView(AccountView v)
    {
        _holdings.Clear();
        foreach (var (symbol, quantity) in v.Holdings)
        {
            if (quantity != 0m) _holdings[symbol] = quantity;
        }
        _cash = v.Cash;
        SeedUnpricedHoldings();
        Changed();
    }

    /// <summary>
    /// A holding with neither a bar close nor a fill seen here (the entity started after the position opened, before
    /// the symbol's next bar) takes the Ticker's price meanwhile, so it is not valued at 0.
    /// </summary>
    private void SeedUnpricedHoldings()
    {
        var self = Self;
        foreach (var (symbol, quantity) in _holdings)
        {
            if (_scenarios.Closes.ContainsKey(symbol) || _fillPrices.ContainsKey(symbol)) continue;
            var isLong = quantity > 0m;
            ClusterSharding.Get(Context.System).EntityRefFor(TradingEntities.TickerType, symbol)
                .Ask<TickerView>(new GetTicker(), _settings.AskTimeout)
                .ContinueWith(t =>
                {
                    if (t.IsCompletedSuccessfully && MarkPrice(t.Result, isLong) is { } price) self.Tell(new PriceSeeded(symbol, price));
                }, TaskScheduler.Default);
        }
    }

    /// <summary>The portfolio's valuation rule: the bid for a long, the ask for a short; else the last trade.</summary>
    private static decimal? MarkPrice(TickerView view, bool isLong) =>
        view.Quote is { } q && (isLong ? q.Bid : q.Ask) > 0m ? (isLong ? q.Bid : q.Ask) : view.LastTrade?.Price;

    private void OnPriceSeeded(PriceSeeded p)
    {
        if (!_holdings.ContainsKey(p.Symbol) || _fillPrices.ContainsKey(p.Symbol)) return; // a fill (or bar) came first
        _fillPrices[p.Symbol] = p.Price;
        Reprice(newScenarios: false);
    }

    /// <summary>The Ticker's price for a holding that had none, back in the actor.</summary>
    private sealed record PriceSeeded(string Symbol, decimal Price);

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
        if (_holdings.Count == 0 && _snapshot is not null && _snapshot.Positions.Count == 0) return; // nothing held: nothing moves
        Reprice(newScenarios: true);
        if (_settings.DrawdownRefresh is { } every && Now - _lastValueFetch >= every) FetchValues(full: false);
    }

    private RiskSnapshot Snapshot() => _snapshot ?? Reprice(newScenarios: false);

    private RiskSnapshot Reprice(bool newScenarios)
    {
        var positions = new List<RiskPosition>(_holdings.Count);
        foreach (var (symbol, quantity) in _holdings) positions.Add(new RiskPosition(symbol, quantity, PriceOf(symbol)));
        var report = Calculator.Compute(_scenarios.Scenarios, positions, _cash, includeContributions: true);
        var snapshot = RiskSnapshots.From(_userId, Now, _settings.Risk.WindowLength, _cash, positions, report, _scenarios.WindowCounts, _drawdown.View());
        _snapshot = snapshot;
        if (newScenarios && snapshot.AsOf is { } asOf && (_history.Count == 0 || _history.Last().AsOf < asOf)) Remember(snapshot, asOf);
        var topic = RiskTopics.Risk(_userId);
        var pubSub = DistributedPubSub.Get(Context.System);
        if (pubSub.SubscriberCount(topic) > 0) pubSub.Publish(topic, snapshot);
        return snapshot;
    }

    private void Remember(RiskSnapshot s, DateTime asOf)
    {
        _history.Enqueue(new RiskHistoryPoint(asOf, s.PortfolioValue, s.Historical95.Var, s.Historical99.Var, s.Historical95.ExpectedShortfall, s.Parametric95.Var, s.Drawdown.CurrentFraction));
        while (_history.Count > _settings.HistorySize) _history.Dequeue();
    }

    /// <summary>The newest bar close, else the last fill price (or the Ticker's price seeded at start), else 0 (left out until a price is known).</summary>
    private decimal PriceOf(string symbol) =>
        _scenarios.Closes.TryGetValue(symbol, out var close) ? close : _fillPrices.GetValueOrDefault(symbol);

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
