using Serenity.Risk.Strategies;

namespace Serenity.Risk.Entities.Strategies;

/// <summary>What a strategy runner's events build: the strategies by symbol and the newest signals (pending ones are never dropped).</summary>
internal sealed class StrategyState(int signalHistorySize)
{
    private readonly Dictionary<string, StrategyEntry> _strategies = new(StringComparer.Ordinal);
    private readonly List<SignalView> _signals = [];

    // Every signal gets a number in arrival order (kept in _numbers beside _signals, so ascending): the index maps a
    // client order id to its signal's number and finds the position by binary search, so dropping the oldest signal
    // does not re-index the whole history.
    private readonly List<long> _numbers = [];
    private readonly Dictionary<string, long> _byClientOrderId = new(StringComparer.Ordinal);
    private long _nextNumber;

    public IReadOnlyDictionary<string, StrategyEntry> Strategies => _strategies;

    /// <summary>Signals, oldest first.</summary>
    public IReadOnlyList<SignalView> Signals => _signals;

    public IEnumerable<SignalView> Pending => _signals.Where(s => s.Status == SignalOrderStatus.Pending);

    public bool Knows(string clientOrderId) => _byClientOrderId.ContainsKey(clientOrderId);

    public SignalView? Find(string clientOrderId) => PositionOf(clientOrderId) is var i && i >= 0 ? _signals[i] : null;

    /// <summary>What an exit sells: the shares the entries bought, plus those of entries still pending, minus pending exits.</summary>
    public decimal ToSell(string symbol)
    {
        var held = _strategies.GetValueOrDefault(symbol)?.HeldQuantity ?? 0m;
        foreach (var s in Pending)
        {
            if (s.Symbol == symbol) held += s.Kind == SignalKind.Entry ? s.Quantity : -s.Quantity;
        }
        return Math.Max(0m, held);
    }

    public void Apply(StrategyEnabled e)
    {
        var old = _strategies.GetValueOrDefault(e.Symbol);
        _strategies[e.Symbol] = new StrategyEntry(e.Symbol, e.Strategy, e.Quantity, true, old?.InPosition ?? false, old?.HeldQuantity ?? 0m);
    }

    public void Apply(StrategyDisabled e)
    {
        if (_strategies.TryGetValue(e.Symbol, out var s)) _strategies[e.Symbol] = s with { Enabled = false };
    }

    public void Apply(SignalRecorded e)
    {
        var signal = e.Signal;
        if (_strategies.TryGetValue(signal.Symbol, out var s)) _strategies[signal.Symbol] = s with { InPosition = signal.Kind == SignalKind.Entry };
        Add(signal);
        Trim();
    }

    public void Apply(SignalSettled e)
    {
        var i = PositionOf(e.ClientOrderId);
        if (i < 0) return;
        var signal = _signals[i] = _signals[i] with
        {
            Status = e.Accepted ? SignalOrderStatus.Accepted : SignalOrderStatus.Rejected,
            OrderId = e.OrderId,
            FilledQuantity = e.FilledQuantity,
            FillPrice = e.FillPrice,
            RejectReason = e.RejectReason,
        };
        if (e.FilledQuantity > 0m && _strategies.TryGetValue(signal.Symbol, out var s))
        {
            var held = signal.Kind == SignalKind.Entry ? s.HeldQuantity + e.FilledQuantity : Math.Max(0m, s.HeldQuantity - e.FilledQuantity);
            _strategies[signal.Symbol] = s with { HeldQuantity = held };
        }
    }

    public void Restore(StrategySnapshot s)
    {
        _strategies.Clear();
        foreach (var e in s.Strategies) _strategies[e.Symbol] = e;
        _signals.Clear();
        _numbers.Clear();
        _byClientOrderId.Clear();
        foreach (var signal in s.Signals) Add(signal);
    }

    public StrategySnapshot ToSnapshot() => new([.. _strategies.Values], [.. _signals]);

    /// <summary>Drops the oldest settled signals beyond the history size.</summary>
    private void Trim()
    {
        var excess = _signals.Count - signalHistorySize;
        for (var i = 0; i < _signals.Count && excess > 0;)
        {
            if (_signals[i].Status == SignalOrderStatus.Pending)
            {
                i++;
                continue;
            }
            if (_signals[i].ClientOrderId is { } id && _byClientOrderId.TryGetValue(id, out var n) && n == _numbers[i]) _byClientOrderId.Remove(id);
            _signals.RemoveAt(i);
            _numbers.RemoveAt(i);
            excess--;
        }
    }

    private void Add(SignalView signal)
    {
        var number = _nextNumber++;
        _signals.Add(signal);
        _numbers.Add(number);
        if (signal.ClientOrderId is { } id) _byClientOrderId[id] = number;
    }

    /// <summary>The position of the newest signal with <paramref name="clientOrderId"/> in <see cref="Signals"/>, or -1.</summary>
    private int PositionOf(string clientOrderId) =>
        _byClientOrderId.TryGetValue(clientOrderId, out var number) ? Math.Max(-1, _numbers.BinarySearch(number)) : -1;
}
