namespace Serenity.Trading;

/// <summary>An account's state, rebuilt from its events (and snapshots).</summary>
internal sealed class AccountState(TradingSettings settings)
{
    private const int ClientOrderIdMemory = 10_000;
    private readonly List<OrderView> _working = []; // oldest first
    private readonly BoundedRing<OrderRecord> _history = new(settings.OrderHistorySize); // finished, oldest first
    private readonly BoundedRing<FillRecord> _trades = new(settings.TradeHistorySize); // oldest first
    private readonly Queue<string> _clientOrderIds = new(); // oldest first, to forget the oldest
    private List<string> _watchlist = [];

    public AccountRegistered? Credentials { get; private set; }

    public int FailedLogins { get; private set; }

    public DateTime? LockedUntil { get; private set; }

    public decimal Cash { get; private set; }

    public Dictionary<string, decimal> Holdings { get; } = new(StringComparer.Ordinal);

    /// <summary>Results by client order id, with the order that produced them (the newest 10,000).</summary>
    public Dictionary<string, (SubmitOrder Order, OrderResult Result)> ByClientOrderId { get; } = new(StringComparer.Ordinal);

    /// <summary>Deliveries the portfolio has not acknowledged yet, in order.</summary>
    public SortedDictionary<long, PortfolioDelivery> Outbox { get; } = [];

    public long LastSeq { get; private set; }

    public long OrderCount { get; private set; }

    /// <summary>Working orders, oldest first.</summary>
    public IReadOnlyList<OrderView> Working => _working;

    /// <summary>Finished orders, newest first (views made on reading: reads are rare, orders are not).</summary>
    public IEnumerable<OrderView> History
    {
        get
        {
            for (var i = _history.Count - 1; i >= 0; i--) yield return _history[i].ToView();
        }
    }

    /// <summary>Trades, newest first.</summary>
    public IEnumerable<Fill> Trades
    {
        get
        {
            for (var i = _trades.Count - 1; i >= 0; i--) yield return _trades[i].ToFill();
        }
    }

    public IReadOnlyList<string> Watchlist => _watchlist;

    /// <summary>Cash held back for working buy orders: remaining quantity x limit price.</summary>
    public decimal ReservedCash
    {
        get
        {
            var reserved = 0m; // a loop, not LINQ: every order asks
            foreach (var o in _working)
            {
                if (o.Side == OrderSide.Buy) reserved += (o.Quantity - o.FilledQuantity) * (o.LimitPrice ?? 0m);
            }
            return reserved;
        }
    }

    public decimal BuyingPower => Cash - ReservedCash;

    /// <summary>Shares of <paramref name="symbol"/> promised to working sell orders.</summary>
    public decimal ReservedShares(string symbol)
    {
        var reserved = 0m;
        foreach (var o in _working)
        {
            if (o.Side == OrderSide.Sell && string.Equals(o.Symbol, symbol, StringComparison.Ordinal)) reserved += o.Quantity - o.FilledQuantity;
        }
        return reserved;
    }

    public OrderView? Find(string orderId) =>
        _working.Find(o => o.OrderId == orderId) ?? (HistoryIndexOf(orderId) is var i and >= 0 ? _history[i].ToView() : null);

    private int HistoryIndexOf(string orderId)
    {
        for (var i = _history.Count - 1; i >= 0; i--)
        {
            if (_history[i].OrderId == orderId) return i;
        }
        return -1;
    }

    public bool IsLocked(DateTime now) => LockedUntil is { } until && now < until;

    public void Apply(object e)
    {
        switch (e)
        {
            case AccountRegistered r:
                Credentials = r;
                Cash = r.StartingCash;
                break;
            case LoginFailed f:
                FailedLogins++;
                if (FailedLogins >= settings.MaxFailedLogins) LockedUntil = f.Timestamp + settings.LockoutDuration;
                break;
            case LoginSucceeded:
                FailedLogins = 0;
                LockedUntil = null;
                break;
            case OrderFilled filled:
                ApplyFill(filled);
                break;
            case OrderAccepted a:
                OrderCount++;
                _working.Add(a.Order);
                Remember(a.Order, null);
                break;
            case OrderCanceled c:
                if (_working.RemoveAll(o => o.OrderId == c.Order.OrderId) == 0)
                {
                    OrderCount++; // canceled at once (ioc/fok): a new order
                    Remember(c.Order, null);
                }
                AddHistory(c.Order);
                break;
            case OrderRejected r:
                Remember(r.ClientOrderId, r.Order, OrderResult.Rejected(r.ClientOrderId, r.Field, r.Reason));
                break;
            case AccountReset r:
                LastSeq = r.Seq;
                Cash = r.StartingCash;
                Holdings.Clear();
                _working.Clear();
                _history.Clear();
                _trades.Clear();
                Outbox[r.Seq] = new PortfolioDelivery(r.Seq, null, true) { CashAfter = r.StartingCash, StartingCash = r.StartingCash };
                break;
            case DeliveriesConfirmed c:
                ForgetConfirmed(c.Seq);
                break;
            case OrderForwarded f:
                Update(f.OrderId, o => o with { BrokerOrderId = f.BrokerOrderId ?? o.BrokerOrderId, BrokerError = f.Error });
                break;
            case WatchlistSet w:
                _watchlist = [.. w.Symbols];
                break;
        }
    }

    private void ForgetConfirmed(long upTo)
    {
        List<long>? confirmed = null; // every order confirms one delivery: no LINQ closure per order
        foreach (var seq in Outbox.Keys)
        {
            if (seq > upTo) break;
            (confirmed ??= []).Add(seq);
        }
        for (var i = 0; i < (confirmed?.Count ?? 0); i++) Outbox.Remove(confirmed![i]);
    }

    private void ApplyFill(OrderFilled e)
    {
        var fill = e.Fill;
        var order = e.Order ?? new OrderView(
            fill.OrderId, fill.ClientOrderId, fill.Symbol, fill.Side, OrderType.Market, TimeInForce.Day, fill.Quantity, null,
            fill.Quantity, fill.Price, OrderStatus.Filled, fill.Timestamp, fill.Timestamp);
        LastSeq = fill.Seq;
        var amount = fill.Quantity * fill.Price;
        Cash += fill.Side == OrderSide.Buy ? -amount : amount;
        var held = Holdings.GetValueOrDefault(fill.Symbol) + (fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity);
        if (held == 0m) Holdings.Remove(fill.Symbol);
        else Holdings[fill.Symbol] = held;
        _trades.Add(FillRecord.Of(fill));
        Outbox[fill.Seq] = new PortfolioDelivery(fill.Seq, fill, false) { CashAfter = Cash };

        var index = _working.FindIndex(o => o.OrderId == order.OrderId);
        if (index < 0)
        {
            OrderCount++; // filled at once: a new order
            Remember(order, fill);
        }
        if (order.Status is OrderStatus.New or OrderStatus.PartiallyFilled)
        {
            if (index >= 0) _working[index] = order;
            else _working.Add(order);
        }
        else
        {
            if (index >= 0) _working.RemoveAt(index);
            AddHistory(order);
        }
    }

    private void Update(string orderId, Func<OrderView, OrderView> change)
    {
        var i = _working.FindIndex(o => o.OrderId == orderId);
        if (i >= 0)
        {
            _working[i] = change(_working[i]);
            return;
        }
        if (HistoryIndexOf(orderId) is var h and >= 0) _history[h] = OrderRecord.Of(change(_history[h].ToView()));
    }

    private void AddHistory(OrderView order) => _history.Add(OrderRecord.Of(order));

    private void Remember(OrderView order, Fill? fill)
    {
        if (order.ClientOrderId is not { } id) return;
        var result = new OrderResult(true, order.OrderId, id, fill, null, null) { Order = order };
        Remember(id, SubmitOf(order), result);
    }

    private void Remember(string id, SubmitOrder order, OrderResult result)
    {
        if (!ByClientOrderId.ContainsKey(id)) _clientOrderIds.Enqueue(id);
        ByClientOrderId[id] = (order, result);
        while (_clientOrderIds.Count > ClientOrderIdMemory) ByClientOrderId.Remove(_clientOrderIds.Dequeue());
    }

    /// <summary>The submit an order was made from (what a resubmit with the same client order id must equal).</summary>
    public static SubmitOrder SubmitOf(OrderView o) => new(o.Symbol, o.Side, o.Quantity, o.ClientOrderId, o.Type, o.LimitPrice, o.TimeInForce);

    public AccountSnapshot ToSnapshot() => new(
        Credentials, FailedLogins, LockedUntil, Cash,
        new Dictionary<string, decimal>(Holdings, StringComparer.Ordinal),
        [.. _clientOrderIds.Select(id => new ClientOrderEntry(id, ByClientOrderId[id].Order, ByClientOrderId[id].Result))],
        [.. Outbox.Values], LastSeq, OrderCount, [.. _working], [.. History], [.. Trades], [.. _watchlist]);

    public void Restore(AccountSnapshot s)
    {
        Credentials = s.Credentials;
        FailedLogins = s.FailedLogins;
        LockedUntil = s.LockedUntil;
        Cash = s.Cash;
        Holdings.Clear();
        foreach (var (symbol, qty) in s.Holdings) Holdings[symbol] = qty;
        ByClientOrderId.Clear();
        _clientOrderIds.Clear();
        foreach (var c in s.ClientOrders) Remember(c.ClientOrderId, c.Order, c.Result);
        Outbox.Clear();
        foreach (var d in s.Outbox) Outbox[d.Seq] = d;
        LastSeq = s.LastSeq;
        OrderCount = s.OrderCount;
        _working.Clear();
        _working.AddRange(s.Working);
        _history.Clear();
        for (var i = s.History.Count - 1; i >= 0; i--) AddHistory(s.History[i]); // the snapshot lists them newest first
        _trades.Clear();
        for (var i = s.Trades.Count - 1; i >= 0; i--) _trades.Add(FillRecord.Of(s.Trades[i]));
        _watchlist = [.. s.Watchlist];
    }
}
