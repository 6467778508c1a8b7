namespace Serenity.MarketData.Simulation;

/// <summary>
/// A deterministic market: quotes and trades of many symbols, in time order, from a seed. Each symbol's
/// price is a geometric Brownian motion whose shocks share a market factor (so moves are correlated),
/// sampled whenever the symbol quotes; quotes come at random (Poisson) times, now and then in bursts of
/// one symbol at a time; scripted scenarios crash, halt and gap it. Pure: no clock, no threads.
/// </summary>
public sealed class MarketSimulator
{
    private const double SecondsPerYear = 252 * 6.5 * 3600; // trading seconds
    private static readonly char[] s_exchanges = ['Q', 'P', 'N', 'V', 'Z', 'K', 'J'];

    private readonly SimulatorOptions _options;
    private readonly SimulationRandom _random;
    private readonly SymbolState[] _symbols;
    private readonly Queue<MarketDataMessage> _ready = new();
    private readonly List<(TimeSpan At, Scenario Scenario, bool End)> _script;
    private readonly DateTime _start;
    private TimeSpan _elapsed;
    private double _market; // the market factor: a Brownian path in sqrt-seconds
    private int _burstSymbol = -1;
    private int _burstLeft;
    private long _tradeId;

    /// <summary>A market starting at <paramref name="start"/> (UTC).</summary>
    public MarketSimulator(SimulatorOptions options, DateTime start)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.Symbols.Count == 0) throw new ArgumentException("the simulator needs at least one symbol", nameof(options));
        if (options.QuotesPerSecond <= 0) throw new ArgumentOutOfRangeException(nameof(options), "QuotesPerSecond must be positive");
        _random = new SimulationRandom(options.Seed);
        _start = DateTime.SpecifyKind(start, DateTimeKind.Utc);
        _symbols = [.. options.Symbols.Select(s => new SymbolState(s))];
        _script = [.. options.Scenarios
            .SelectMany(s => s is Halt h ? new[] { (s.At, s, false), (s.At + h.Duration, s, true) } : [(s.At, s, false)])
            .OrderBy(e => e.Item1)];
    }

    /// <summary>The symbols simulated.</summary>
    public IEnumerable<string> Symbols => _symbols.Select(s => s.Spec.Symbol);

    /// <summary>The next message (the stream never ends).</summary>
    public MarketDataMessage Next()
    {
        while (_ready.Count == 0) Step();
        return _ready.Dequeue();
    }

    /// <summary>The next <paramref name="count"/> messages.</summary>
    public IEnumerable<MarketDataMessage> Take(int count)
    {
        for (var i = 0; i < count; i++) yield return Next();
    }

    private void Step()
    {
        var dt = _burstLeft > 0 ? _options.BurstInterval.TotalSeconds : _random.NextExponential(1 / _options.QuotesPerSecond);
        var next = _elapsed + TimeSpan.FromSeconds(dt);
        while (_script.Count > 0 && _script[0].At <= next)
        {
            var (at, scenario, end) = _script[0];
            _script.RemoveAt(0);
            Advance(at);
            RunScript(scenario, end);
        }
        Advance(next);
        var index = PickSymbol();
        var symbol = _symbols[index];
        if (symbol.Halted) return;
        Move(symbol);
        var quote = QuoteOf(symbol);
        _ready.Enqueue(quote);
        if (_random.NextDouble() < _options.TradeProbability) _ready.Enqueue(TradeOf(symbol, quote));
    }

    private void Advance(TimeSpan to)
    {
        if (to <= _elapsed) return;
        _market += Math.Sqrt((to - _elapsed).TotalSeconds) * _random.NextGaussian();
        _elapsed = to;
    }

    private int PickSymbol()
    {
        if (_burstLeft > 0)
        {
            _burstLeft--;
            return _burstSymbol;
        }
        var index = _random.Next(_symbols.Length);
        if (_random.NextDouble() < _options.BurstProbability)
        {
            _burstSymbol = index;
            _burstLeft = Math.Max(1, (int)_random.NextExponential(_options.MeanBurstLength));
        }
        return index;
    }

    // Exact GBM over the time since the symbol last moved: market part from the shared path, own part fresh.
    private void Move(SymbolState s)
    {
        var dt = (_elapsed - s.LastMove).TotalSeconds;
        if (dt <= 0) return;
        var sigma = s.Spec.AnnualVolatility / Math.Sqrt(SecondsPerYear);
        var mu = _options.AnnualDrift / SecondsPerYear;
        var rho = Math.Clamp(_options.Correlation, 0, 1);
        var shock = (Math.Sqrt(rho) * (_market - s.MarketAtLastMove)) + (Math.Sqrt((1 - rho) * dt) * _random.NextGaussian());
        s.LogPrice += ((mu - (sigma * sigma / 2)) * dt) + (sigma * shock);
        s.LastMove = _elapsed;
        s.MarketAtLastMove = _market;
    }

    private Quote QuoteOf(SymbolState s)
    {
        var mid = Math.Exp(s.LogPrice) * CrashFactor(s.Spec.Symbol);
        var tick = mid < 1 ? 0.0001 : 0.01;
        var half = Math.Max(tick / 2, mid * s.Spec.SpreadBps / 20_000 * (0.5 + _random.NextDouble()));
        var bidTicks = Math.Max(1, Math.Floor((mid - half) / tick));
        var askTicks = Math.Max(bidTicks + 1, Math.Ceiling((mid + half) / tick));
        var tickSize = tick < 0.01 ? 0.0001m : 0.01m;
        return new Quote(
            s.Spec.Symbol,
            Now,
            (long)bidTicks * tickSize,
            _random.Between(1, 10),
            (long)askTicks * tickSize,
            _random.Between(1, 10),
            s_exchanges[_random.Next(s_exchanges.Length)],
            s_exchanges[_random.Next(s_exchanges.Length)],
            Conditions.None,
            'C') { SymbolId = s.Id };
    }

    private Trade TradeOf(SymbolState s, Quote quote)
    {
        var side = _random.Next(3);
        var price = side switch
        {
            0 => quote.BidPrice,
            1 => quote.AskPrice,
            _ => Math.Round((quote.BidPrice + quote.AskPrice) / 2, quote.BidPrice < 1 ? 4 : 2),
        };
        var size = _random.NextDouble() < 0.6 ? 100 * _random.Between(1, 5) : _random.Between(1, 99);
        return new Trade(s.Spec.Symbol, Now, price, size, ++_tradeId, s_exchanges[_random.Next(s_exchanges.Length)], Conditions.None, 'C') { SymbolId = s.Id };
    }

    private void RunScript(Scenario scenario, bool end)
    {
        switch (scenario)
        {
            case Halt h:
                foreach (var s in _symbols.Where(s => s.Spec.Symbol == h.Symbol))
                {
                    s.Halted = !end;
                    _ready.Enqueue(end
                        ? new TradingStatus(h.Symbol, Now, TradingStatus.ResumeCode, "Trading Resumption", "", "", 'C')
                        : new TradingStatus(h.Symbol, Now, TradingStatus.HaltCode, "Trading Halt", "LUDP", "Volatility Trading Pause", 'C'));
                }
                break;
            case Gap g:
                foreach (var s in _symbols.Where(s => g.Symbol is null || s.Spec.Symbol == g.Symbol))
                {
                    Move(s);
                    s.LogPrice += Math.Log(1 + g.Fraction);
                }
                break;
        }
    }

    private double CrashFactor(string symbol)
    {
        var factor = 1.0;
        foreach (var scenario in _options.Scenarios)
        {
            if (scenario is FlashCrash c && (c.Symbol is null || c.Symbol == symbol)) factor *= c.FactorAt(_elapsed);
        }
        return factor;
    }

    private DateTime Now => _start + _elapsed;

    private sealed class SymbolState(SimulatedSymbol spec)
    {
        public SimulatedSymbol Spec { get; } = spec;

        public int Id { get; } = SymbolIds.Of(spec.Symbol);

        public double LogPrice = Math.Log((double)spec.StartPrice);
        public TimeSpan LastMove;
        public double MarketAtLastMove;
        public bool Halted;
    }
}
