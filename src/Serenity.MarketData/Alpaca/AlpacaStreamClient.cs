using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Threading.Channels;
using Serenity.MarketData.Alpaca.Parsing;

namespace Serenity.MarketData.Alpaca;

/// <summary>
/// Alpaca's real-time market-data stream over <see cref="ClientWebSocket"/>: connects, authenticates,
/// (re-)subscribes the wanted symbols, parses every frame, and keeps the connection alive: reconnects with
/// exponential backoff and jitter on drops, errors and stalls (no frame within
/// <see cref="AlpacaStreamOptions.StallTimeout"/>). Data messages go to <see cref="Messages"/>; the life of
/// the connection to <see cref="Events"/>. Errors a retry cannot fix (402, 408, 409) stop it:
/// <see cref="Completion"/> then faults with an <see cref="AlpacaStreamException"/>.
/// </summary>
public sealed class AlpacaStreamClient : IMarketDataFeed, IAsyncDisposable
{
    private readonly AlpacaStreamOptions _options;
    private readonly AlpacaMessageParser _parser = new();
    private readonly SubscriptionState _subscriptions = new();
    private readonly Channel<MarketDataMessage> _messages;
    private readonly Channel<StreamEvent> _events = Channel.CreateBounded<StreamEvent>(
        new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = false });
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private Task? _run;
    private volatile ClientWebSocket? _socket;
    private volatile bool _authenticated;

    /// <summary>A client; nothing happens until <see cref="Start"/>.</summary>
    public AlpacaStreamClient(AlpacaStreamOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _messages = Channel.CreateBounded<MarketDataMessage>(
            new BoundedChannelOptions(options.BufferCapacity) { SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>Quotes, trades, bars and the other data messages, in arrival order.</summary>
    public ChannelReader<MarketDataMessage> Messages => _messages.Reader;

    /// <summary>Connection events (bounded: the oldest are dropped if nobody reads them).</summary>
    public ChannelReader<StreamEvent> Events => _events.Reader;

    /// <summary>Parse errors counted so far.</summary>
    public ParseErrorCounters ParseErrors => _parser.Errors;

    /// <summary>The subscription set the server last confirmed.</summary>
    public SubscriptionSet Subscription => _subscriptions.Confirmed;

    /// <summary>Whether the current connection is authenticated.</summary>
    public bool IsAuthenticated => _authenticated;

    /// <summary>Completes when the client stops: normally when disposed, faulted on an error a retry cannot fix.</summary>
    public Task Completion => _run ?? Task.CompletedTask;

    /// <summary>Starts connecting (once).</summary>
    public AlpacaStreamClient Start()
    {
        _run ??= Task.Run(() => RunAsync(_stop.Token));
        return this;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<MarketDataMessage> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        Start();
        return _messages.Reader.ReadAllAsync(cancellationToken);
    }

    /// <summary>Adds <paramref name="symbols"/> to <paramref name="channels"/>; sent now if connected, and after every reconnect.</summary>
    public Task SubscribeAsync(IReadOnlyCollection<string> symbols, params StreamChannel[] channels) =>
        SendChangeAsync("subscribe", _subscriptions.Add(channels, symbols));

    /// <summary>Removes <paramref name="symbols"/> from <paramref name="channels"/>. Data may still arrive briefly after.</summary>
    public Task UnsubscribeAsync(IReadOnlyCollection<string> symbols, params StreamChannel[] channels) =>
        SendChangeAsync("unsubscribe", _subscriptions.Remove(channels, symbols));

    /// <summary>Stops the client and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket?.Abort();
        if (_run is not null)
        {
            try
            {
                await _run;
            }
            catch (AlpacaStreamException)
            {
                // Already surfaced through Completion and Events.
            }
        }
        _stop.Dispose();
        _sendLock.Dispose();
    }

    private async Task SendChangeAsync(string action, Dictionary<StreamChannel, IReadOnlyCollection<string>> delta)
    {
        if (delta.Count == 0 || !_authenticated || _socket is not { } socket) return;
        try
        {
            foreach (var message in StreamRequests.Change(action, delta, _options.MaxSymbolsPerMessage)) await SendAsync(socket, message, _stop.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection is going away; the next one subscribes the whole wanted set.
        }
    }

    private async Task SendAsync(ClientWebSocket socket, byte[] message, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct);
        try
        {
            await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var attempt = 0;
        Exception? fatal = null;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var outcome = await RunConnectionAsync(attempt, ct);
                if (outcome.Fatal is not null)
                {
                    fatal = outcome.Fatal;
                    break;
                }
                if (outcome.Authenticated) attempt = 0;
                if (ct.IsCancellationRequested) break;
                attempt++;
                var delay = _options.Backoff.Delay(attempt, _options.Random);
                if (outcome.MinimumDelay > delay) delay = outcome.MinimumDelay;
                Publish(new StreamReconnecting(attempt, delay));
                await Task.Delay(delay, _options.Clock, ct);
            }
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            // Disposed (the socket's abort may surface as any of its exceptions).
        }
        finally
        {
            _messages.Writer.TryComplete(fatal);
            Publish(new StreamStopped(fatal));
            _events.Writer.TryComplete();
        }
        if (fatal is not null) throw fatal;
    }

    private async Task<ConnectionOutcome> RunConnectionAsync(int attempt, CancellationToken ct)
    {
        Publish(new StreamConnecting(attempt + 1));
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = _options.KeepAliveInterval;
        socket.Options.CollectHttpResponseDetails = true;
        var session = new ConnectionSession(this, socket);
        using var watchdog = new StallWatchdog(_options.Clock, _options.StallTimeout, silence =>
        {
            session.Stalled = true;
            Publish(new StreamStalled(silence));
            socket.Abort();
        });
        try
        {
            await socket.ConnectAsync(_options.Endpoint, ct);
            _socket = socket;
            watchdog.Arm();
            return await session.ReceiveLoopAsync(watchdog, ct);
        }
        catch (Exception e) when (e is WebSocketException or IOException or HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            var reason = session.Stalled ? "stalled" : Describe(socket, e);
            Publish(new StreamDisconnected(reason));
            return new ConnectionOutcome(session.WasAuthenticated, RetryAfter(socket));
        }
        finally
        {
            _authenticated = false;
            _socket = null;
            if (socket.State == WebSocketState.Open && ct.IsCancellationRequested) socket.Abort();
        }
    }

    private static string Describe(ClientWebSocket socket, Exception e) =>
        socket.HttpStatusCode is var status && status != 0 && status != HttpStatusCode.SwitchingProtocols
            ? $"upgrade refused: HTTP {(int)status}"
            : $"{e.GetType().Name}: {e.Message}";

    // HTTP 429 on the upgrade: the server says how long to wait.
    private static TimeSpan RetryAfter(ClientWebSocket socket)
    {
        if (socket.HttpResponseHeaders is { } headers && headers.TryGetValue("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }
        return TimeSpan.Zero;
    }

    private void Publish(StreamEvent e) => _events.Writer.TryWrite(e);

    private readonly record struct ConnectionOutcome(bool Authenticated, TimeSpan MinimumDelay, Exception? Fatal = null);

    /// <summary>One connection: its receive loop and what the server said on it.</summary>
    private sealed class ConnectionSession(AlpacaStreamClient client, ClientWebSocket socket)
    {
        private readonly List<MarketDataMessage> _batch = new(256);

        public volatile bool Stalled;

        public bool WasAuthenticated { get; private set; }

        public async Task<ConnectionOutcome> ReceiveLoopAsync(StallWatchdog watchdog, CancellationToken ct)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                while (true)
                {
                    var length = 0;
                    ValueWebSocketReceiveResult result;
                    do
                    {
                        if (length == buffer.Length) buffer = Grow(buffer);
                        result = await socket.ReceiveAsync(buffer.AsMemory(length), ct);
                        length += result.Count;
                    }
                    while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        client.Publish(new StreamDisconnected($"closed by server: {socket.CloseStatus} {socket.CloseStatusDescription}"));
                        return new ConnectionOutcome(WasAuthenticated, TimeSpan.Zero);
                    }
                    watchdog.Arm();
                    _batch.Clear();
                    client._parser.Parse(buffer.AsSpan(0, length), _batch);
                    foreach (var message in _batch)
                    {
                        if (await HandleAsync(message, watchdog, ct) is { } outcome) return outcome;
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private static byte[] Grow(byte[] buffer)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            buffer.CopyTo(bigger, 0);
            ArrayPool<byte>.Shared.Return(buffer);
            return bigger;
        }

        // Null to go on reading; an outcome to end this connection.
        private async ValueTask<ConnectionOutcome?> HandleAsync(MarketDataMessage message, StallWatchdog watchdog, CancellationToken ct)
        {
            switch (message)
            {
                case MarketEvent:
                    if (!client._messages.Writer.TryWrite(message))
                    {
                        // A slow reader holds us up: that is not the server stalling.
                        watchdog.Disarm();
                        await client._messages.Writer.WriteAsync(message, ct);
                        watchdog.Arm();
                    }
                    return null;
                case StreamSuccess { Message: StreamSuccess.Connected }:
                    client.Publish(new StreamConnected());
                    await client.SendAsync(socket, StreamRequests.Auth(client._options.Credentials), ct);
                    return null;
                case StreamSuccess { Message: StreamSuccess.Authenticated }:
                    WasAuthenticated = true;
                    client._authenticated = true;
                    client.Publish(new StreamAuthenticated());
                    foreach (var request in StreamRequests.Change("subscribe", client._subscriptions.Wanted(), client._options.MaxSymbolsPerMessage))
                    {
                        await client.SendAsync(socket, request, ct);
                    }
                    return null;
                case SubscriptionSet set:
                    client._subscriptions.Confirm(set);
                    client.Publish(new StreamSubscribed(set));
                    return null;
                case StreamError error:
                    return await OnErrorAsync(error, ct);
                default:
                    return null;
            }
        }

        private async ValueTask<ConnectionOutcome?> OnErrorAsync(StreamError error, CancellationToken ct)
        {
            var reaction = AlpacaErrorCodes.ReactionTo(error.Code);
            client.Publish(new StreamErrorReceived(error, reaction));
            switch (reaction)
            {
                case ErrorReaction.Authenticate:
                    await client.SendAsync(socket, StreamRequests.Auth(client._options.Credentials), ct);
                    return null;
                case ErrorReaction.Reconnect:
                    await CloseAsync($"error {error.Number}");
                    return new ConnectionOutcome(WasAuthenticated, TimeSpan.Zero);
                case ErrorReaction.ReconnectAfterConnectionLimit:
                    await CloseAsync($"error {error.Number}");
                    return new ConnectionOutcome(false, client._options.ConnectionLimitBackoff);
                case ErrorReaction.Stop:
                    await CloseAsync($"error {error.Number}");
                    return new ConnectionOutcome(false, TimeSpan.Zero, new AlpacaStreamException(error));
                default:
                    if (error.Code == AlpacaErrorCode.SymbolLimitExceeded) client._subscriptions.RevertToConfirmed();
                    return null;
            }
        }

        private async Task CloseAsync(string reason)
        {
            client.Publish(new StreamDisconnected(reason));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
            {
                // Closing is a courtesy; the socket is disposed either way.
            }
        }
    }
}
