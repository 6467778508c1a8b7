using System.Globalization;

namespace Serenity.MarketData.Alpaca;

/// <summary>One connection event as an operator reads it: when (UTC), what, and the detail.</summary>
public sealed record StreamEventRecord(DateTimeOffset Time, string Event, string Detail);

/// <summary>A snapshot of the Alpaca connection (what <c>pbm market-data status</c> shows).</summary>
/// <param name="State">connecting, connected, authenticated, subscribed, disconnected, reconnecting or stopped.</param>
/// <param name="Since">When the connection entered <paramref name="State"/>.</param>
/// <param name="Connects">Connections the server greeted (<c>connected</c>).</param>
/// <param name="Reconnects">Reconnect attempts after a drop, an error or a stall.</param>
/// <param name="SubscribedSymbols">Symbols in the subscription the server last confirmed.</param>
/// <param name="LastDisconnect">The reason of the last disconnection, if any.</param>
/// <param name="LastErrorCode">The code of the last error the server sent, if any (402 auth failed, 406 connection limit...).</param>
/// <param name="LastError">That error's message and what the client did about it.</param>
/// <param name="Recent">The latest events, oldest first.</param>
public sealed record StreamConnectionSnapshot(
    string State,
    DateTimeOffset? Since,
    long Connects,
    long Reconnects,
    int SubscribedSymbols,
    string? LastDisconnect,
    int? LastErrorCode,
    string? LastError,
    IReadOnlyList<StreamEventRecord> Recent);

/// <summary>
/// Follows an <see cref="AlpacaStreamClient"/>'s connection events (its <see cref="AlpacaStreamClient.Events"/>, which
/// this becomes the reader of) and keeps the state, counters and the latest events for operators. Times come from the
/// injected clock.
/// </summary>
public sealed class StreamConnectionStatus
{
    /// <summary>How many recent events are kept.</summary>
    public const int RecentCapacity = 20;

    private readonly object _gate = new();
    private readonly Queue<StreamEventRecord> _recent = new();
    private readonly TimeProvider _clock;
    private string _state = "connecting";
    private DateTimeOffset? _since;
    private long _connects;
    private long _reconnects;
    private int _subscribed;
    private string? _lastDisconnect;
    private int? _lastErrorCode;
    private string? _lastError;

    private StreamConnectionStatus(TimeProvider clock) => _clock = clock;

    /// <summary>Starts following <paramref name="client"/>; the reading ends when the client's event channel completes or <paramref name="stopping"/> fires.</summary>
    public static StreamConnectionStatus Follow(AlpacaStreamClient client, TimeProvider clock, CancellationToken stopping = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var status = Create(clock);
        _ = Task.Run(() => status.ReadAsync(client, stopping), CancellationToken.None);
        return status;
    }

    /// <summary>A status that follows nothing: events come through <see cref="Apply"/> only.</summary>
    public static StreamConnectionStatus Create(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new StreamConnectionStatus(clock);
    }

    /// <summary>The state now.</summary>
    public StreamConnectionSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new StreamConnectionSnapshot(_state, _since, _connects, _reconnects, _subscribed, _lastDisconnect, _lastErrorCode, _lastError, [.. _recent]);
        }
    }

    /// <summary>Applies one event (public for the tests of the state machine).</summary>
    public void Apply(StreamEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            var (state, name, detail) = e switch
            {
                StreamConnecting c => ("connecting", "connecting", Invariant($"attempt {c.Attempt}")),
                StreamConnected => ("connected", "connected", ""),
                StreamAuthenticated => ("authenticated", "authenticated", ""),
                StreamSubscribed s => ("subscribed", "subscribed", Invariant($"{Symbols(s.Subscription)} symbols")),
                StreamErrorReceived r => (_state, "error", Invariant($"{r.Error.Number} {r.Error.Message} ({Words(r.Reaction.ToString())})")),
                StreamStalled s => (_state, "stalled", Invariant($"no frame for {s.Silence.TotalSeconds:0.#} s")),
                StreamDisconnected d => ("disconnected", "disconnected", d.Reason),
                StreamReconnecting r => ("reconnecting", "reconnecting", Invariant($"attempt {r.Attempt} in {r.Delay.TotalSeconds:0.###} s")),
                StreamStopped s => ("stopped", "stopped", s.Error?.Message ?? ""),
                _ => (_state, e.GetType().Name, ""),
            };
            switch (e)
            {
                case StreamConnected:
                    _connects++;
                    break;
                case StreamSubscribed s:
                    _subscribed = Symbols(s.Subscription);
                    break;
                case StreamErrorReceived r:
                    _lastErrorCode = r.Error.Number;
                    _lastError = detail;
                    break;
                case StreamDisconnected d:
                    _lastDisconnect = d.Reason;
                    _subscribed = 0;
                    break;
                case StreamReconnecting:
                    _reconnects++;
                    break;
            }
            if (state != _state || _since is null) _since = now;
            _state = state;
            _recent.Enqueue(new StreamEventRecord(now, name, detail));
            while (_recent.Count > RecentCapacity) _recent.Dequeue();
        }
    }

    private async Task ReadAsync(AlpacaStreamClient client, CancellationToken stopping)
    {
        try
        {
            await foreach (var e in client.Events.ReadAllAsync(stopping).ConfigureAwait(false)) Apply(e);
        }
        catch (OperationCanceledException)
        {
            // The node is stopping.
        }
    }

    private static int Symbols(SubscriptionSet s) =>
        s.Trades.Concat(s.Quotes).Concat(s.Bars).Concat(s.DailyBars).Concat(s.UpdatedBars).Distinct(StringComparer.Ordinal).Count();

    /// <summary><c>ReconnectAfterConnectionLimit</c> as <c>reconnect after connection limit</c>.</summary>
    private static string Words(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
