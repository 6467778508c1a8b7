using System.Collections.Concurrent;
using Serenity.MarketData;
using Serenity.Server.Api;
using Serenity.Trading;

namespace Serenity.Server.Market;

/// <summary>
/// What the server knows of the market, readable from any thread: the configured symbols, the newest rationed quote
/// of each (from <c>quotes.{SYM}</c>) and each ticker's latest view (last trade, change, SMA, halt), refreshed on an
/// interval by <see cref="MarketBoardActor"/>.
/// </summary>
public sealed class MarketBoard
{
    private readonly ConcurrentDictionary<string, Quote> _quotes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TickerView> _views = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _firstQuote = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _quotesSeen;
    private long _lastQuoteTicks;

    /// <summary>A board for <paramref name="symbols"/>.</summary>
    public MarketBoard(IReadOnlyList<string> symbols)
    {
        Symbols = symbols ?? throw new ArgumentNullException(nameof(symbols));
        SymbolSet = new HashSet<string>(symbols, StringComparer.Ordinal);
    }

    /// <summary>The configured symbols, in configuration order.</summary>
    public IReadOnlyList<string> Symbols { get; }

    /// <summary>The configured symbols as a set.</summary>
    public IReadOnlySet<string> SymbolSet { get; }

    /// <summary>Quotes seen on the stream since start.</summary>
    public long QuotesSeen => Interlocked.Read(ref _quotesSeen);

    /// <summary>When the newest quote arrived (server clock), or null before the first.</summary>
    public DateTimeOffset? LastQuoteAt => Interlocked.Read(ref _lastQuoteTicks) is var t and > 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    /// <summary>Completes when the first quote has been recorded.</summary>
    public Task FirstQuote => _firstQuote.Task;

    /// <summary>Whether <paramref name="symbol"/> is configured.</summary>
    public bool IsKnown(string symbol) => SymbolSet.Contains(symbol);

    /// <summary>The ticker of a configured symbol as the API shows it.</summary>
    public TickerDto Ticker(string symbol) => WireMapper.Ticker(symbol, _views.GetValueOrDefault(symbol), _quotes.GetValueOrDefault(symbol));

    /// <summary>The ticker for a quote that is being pushed (the quote itself, the rest from the ticker's view).</summary>
    public TickerDto Ticker(Quote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return WireMapper.Ticker(quote.Symbol, _views.GetValueOrDefault(quote.Symbol), quote);
    }

    /// <summary>The newest quote of <paramref name="symbol"/> seen on the stream, or null.</summary>
    public Quote? LatestQuote(string symbol) => _quotes.GetValueOrDefault(symbol);

    internal void OnQuote(Quote quote, DateTimeOffset now)
    {
        _quotes.AddOrUpdate(quote.Symbol, quote, (_, old) => quote.Timestamp >= old.Timestamp ? quote : old);
        Interlocked.Increment(ref _quotesSeen);
        Interlocked.Exchange(ref _lastQuoteTicks, now.UtcTicks);
        _firstQuote.TrySetResult();
    }

    internal void OnView(TickerView view) => _views[view.Symbol] = view;
}
