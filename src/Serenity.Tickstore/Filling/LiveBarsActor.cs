using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.MarketData;
using Serenity.MarketData.Graph;

namespace Serenity.Tickstore.Filling;

/// <summary>
/// Keeps the live graph's minute bars: subscribes to <c>bars.{SYM}</c> of every configured symbol, queues the bars
/// in a <see cref="LiveBarAppender"/> and appends them to the store every <c>flush-interval</c>, on
/// <see cref="FlushBars"/> (answered with <see cref="BarsFlushed"/>) and when it stops.
/// </summary>
public sealed class LiveBarsActor : ReceiveActor, IWithTimers
{
    private static readonly object s_tick = new();
    private readonly LiveBarAppender _appender;
    private readonly IReadOnlyList<string> _symbols;
    private readonly TimeSpan _interval;

    /// <summary>Creates the actor.</summary>
    public LiveBarsActor(TickStore store, IReadOnlyList<string> symbols, TimeSpan flushInterval)
    {
        _appender = new LiveBarAppender(store);
        _symbols = symbols;
        _interval = flushInterval;
        Receive<Bar>(_appender.Add);
        Receive<FlushBars>(_ => Sender.Tell(new BarsFlushed(FlushNow())));
        Receive<object>(_ => FlushNow(), m => ReferenceEquals(m, s_tick));
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props of the actor.</summary>
    public static Props Props(TickStore store, IReadOnlyList<string> symbols, TimeSpan flushInterval)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(symbols);
        if (flushInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(flushInterval), flushInterval, "must be positive");
        return Actors.Props.Create(() => new LiveBarsActor(store, symbols, flushInterval));
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        TickstoreSerialization.Register(Context.System); // bars from the ingest node arrive serialized in cluster mode
        var pubSub = DistributedPubSub.Get(Context.System);
        foreach (var symbol in _symbols) pubSub.Subscribe(PubSubMarketDataPublisher.BarsTopic(symbol), Self);
        Timers.StartPeriodicTimer(s_tick, s_tick, _interval);
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        var pubSub = DistributedPubSub.Get(Context.System);
        foreach (var symbol in _symbols) pubSub.Unsubscribe(PubSubMarketDataPublisher.BarsTopic(symbol), Self);
        FlushNow();
    }

    private int FlushNow() => _appender.Flush().Count;
}

/// <summary>Asks a <see cref="LiveBarsActor"/> to store its queued bars now.</summary>
public sealed record FlushBars;

/// <summary>The reply to <see cref="FlushBars"/>: how many day versions were written.</summary>
/// <param name="Versions">New versions.</param>
public sealed record BarsFlushed(int Versions);
