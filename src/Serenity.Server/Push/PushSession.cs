using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Serenity.Actors;
using Serenity.Risk.Entities;
using Serenity.Server.Api;
using Serenity.Server.Hosting;
using Serenity.Trading;

namespace Serenity.Server.Push;

/// <summary>
/// One client's WebSocket: a read loop for its commands (subscribe, unsubscribe, subscribe_account: account, portfolio,
/// risk and signals) and a single
/// write loop that flushes the <see cref="PushOutbox"/> at most once per <c>push-interval</c>, so quotes coalesce
/// per symbol and a slow browser never backs up the node. Server shutdown closes it with 1001.
/// </summary>
public sealed class PushSession
{
    private const int MaxMessageBytes = 64 * 1024;
    private static long s_ids;
    private readonly WebSocket _socket;
    private readonly string _userId;
    private readonly ServerContext _server;
    private readonly PushOutbox _outbox;
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SortedSet<string> _symbols = new(StringComparer.Ordinal);
    private IActorRef _actor = ActorRefs.Nobody;
    private decimal? _cash;
    private PortfolioView? _portfolio;
    private DateTime _riskSentAt = DateTime.MinValue;
    private (WebSocketCloseStatus Status, string Description)? _closeWith;

    /// <summary>A session for an accepted socket of <paramref name="userId"/>.</summary>
    public PushSession(WebSocket socket, string userId, ServerContext server)
    {
        _socket = socket ?? throw new ArgumentNullException(nameof(socket));
        _userId = userId;
        _server = server ?? throw new ArgumentNullException(nameof(server));
        _outbox = new PushOutbox(server.Settings.MaxQueuedEvents);
        _outbox.Signaled += () => _signal.Writer.TryWrite(true);
    }

    /// <summary>Runs until the client closes, the socket fails, or <paramref name="stopping"/> (server shutdown).</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var id = Interlocked.Increment(ref s_ids);
        _actor = _server.System.ActorOf(PushSessionActor.Props(_userId, _outbox, _server.Metrics), "ws-" + id);
        _server.Metrics.WebSocketOpened();
        using var writerStop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var abort = new CancellationTokenSource();
        var writer = WriteLoopAsync(writerStop.Token, abort);
        try
        {
            await ReadLoopAsync(abort.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client vanished or the session was aborted.
        }
        finally
        {
            await writerStop.CancelAsync();
            await writer;
            _server.System.Stop(_actor);
            _server.Metrics.WebSocketClosed();
            if (_closeWith is { } close && _socket.State == WebSocketState.Open) await CloseQuietlyAsync(close.Status, close.Description);
            else if (_socket.State == WebSocketState.CloseReceived) await CloseQuietlyAsync(WebSocketCloseStatus.NormalClosure, "bye");
            _socket.Abort();
        }
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        using var message = new MemoryStream();
        while (_socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) return;
            message.Write(buffer, 0, result.Count);
            if (message.Length > MaxMessageBytes)
            {
                _closeWith = (WebSocketCloseStatus.MessageTooBig, "message too big"); // closed once the writer is done
                return;
            }
            if (!result.EndOfMessage) continue;
            if (result.MessageType == WebSocketMessageType.Text) Handle(message.GetBuffer().AsMemory(0, (int)message.Length));
            message.SetLength(0);
        }
    }

    private void Handle(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            using var body = JsonBody.Parse(utf8);
            var action = body.RequiredString("action");
            switch (action)
            {
                case "subscribe":
                    ChangeSymbols(body, subscribe: true);
                    break;
                case "unsubscribe":
                    ChangeSymbols(body, subscribe: false);
                    break;
                case "subscribe_account":
                    _actor.Tell(new PushSessionActor.SubscribeAccount(), ActorRefs.NoSender);
                    _ = SendAccountSnapshotAsync();
                    break;
                default:
                    throw ApiException.BadRequest("action", $"unknown action: {action} (subscribe, unsubscribe, subscribe_account)");
            }
        }
        catch (ApiException e)
        {
            _outbox.Enqueue("error", new ErrorDetail(e.Field, e.Message));
        }
    }

    private void ChangeSymbols(JsonBody body, bool subscribe)
    {
        var requested = body.OptionalStringList("symbols") ?? throw ApiException.BadRequest("symbols", "symbols is required");
        var symbols = requested.Select(s => s.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var unknown = symbols.Where(s => !_server.Board.IsKnown(s)).ToList();
        var known = symbols.Except(unknown, StringComparer.Ordinal).ToList();
        if (subscribe)
        {
            var added = known.Where(_symbols.Add).ToList();
            _actor.Tell(new PushSessionActor.SubscribeSymbols(added), ActorRefs.NoSender);
            foreach (var s in added)
            {
                if (_server.Board.LatestQuote(s) is { } latest) _outbox.OfferQuote(latest); // the current price at once
            }
        }
        else
        {
            _actor.Tell(new PushSessionActor.UnsubscribeSymbols([.. known.Where(_symbols.Remove)]), ActorRefs.NoSender);
        }
        if (unknown.Count > 0) _outbox.Enqueue("error", new ErrorDetail("symbols", "unknown symbol: " + string.Join(", ", unknown)));
        _outbox.Enqueue("subscribed", new SubscribedData([.. _symbols]));
    }

    private async Task SendAccountSnapshotAsync()
    {
        try
        {
            var account = await _server.AskAsync<AccountView>(_server.Entities.Account(_userId), new GetAccount());
            var portfolio = await _server.AskAsync<PortfolioView>(_server.Entities.Portfolio(_userId), new GetPortfolio());
            _outbox.OfferCash(account.Cash);
            _outbox.OfferPortfolio(portfolio);
            if (_server.Features?.Risk is { } risk)
            {
                // Asking also starts the user's Risk entity, which then publishes on risk.{user} while this socket follows it.
                var view = await _server.AskAsync<RiskView>(risk.Risk(_userId), GetRisk.Instance);
                _outbox.OfferRisk(RiskWireMapper.Snapshot(view.Snapshot));
            }
        }
        catch (Exception e)
        {
            _outbox.Enqueue("error", new ErrorDetail(null, e is AskTimeoutException ? "the account did not answer in time" : "the account snapshot failed"));
        }
    }

    private async Task WriteLoopAsync(CancellationToken stop, CancellationTokenSource abortReader)
    {
        var clock = _server.System.Clock;
        var interval = _server.Settings.PushInterval;
        try
        {
            while (await _signal.Reader.WaitToReadAsync(stop))
            {
                _signal.Reader.TryRead(out _);
                if (_outbox.Overflowed)
                {
                    _server.Metrics.SlowClientClosed();
                    await CloseQuietlyAsync(WebSocketCloseStatus.PolicyViolation, "client too slow");
                    await abortReader.CancelAsync();
                    return;
                }
                await FlushAsync(_outbox.Drain(), stop);
                if (interval > TimeSpan.Zero) await Task.Delay(interval, clock, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            if (_socket.State == WebSocketState.Open)
            {
                // Server shutdown (the client's own close ends the reader first): tell the client, let it answer.
                await CloseQuietlyAsync(WebSocketCloseStatus.EndpointUnavailable, "server shutting down");
                abortReader.CancelAfter(TimeSpan.FromSeconds(2));
            }
        }
        catch (WebSocketException)
        {
            await abortReader.CancelAsync();
        }
    }

    private async Task FlushAsync(PushBatch batch, CancellationToken cancellationToken)
    {
        foreach (var (type, data) in batch.Ordered) await SendAsync(type, data, cancellationToken);
        if (batch.Cash is { } cash) _cash = cash;
        if (batch.Portfolio is { } portfolio) _portfolio = portfolio;
        if (batch.Portfolio is not null || batch.Cash is not null)
        {
            var dto = _portfolio is { } p ? WireMapper.Portfolio(p, _cash) : null;
            if (dto is not null) await SendAsync("portfolio", dto, cancellationToken);
            if (_cash is { } c && dto is not null) await SendAsync("account", WireMapper.Account(_userId, c, dto), cancellationToken);
        }
        if (batch.Risk is { } risk && risk.ComputedAt >= _riskSentAt)
        {
            _riskSentAt = risk.ComputedAt;
            await SendAsync("risk", risk, cancellationToken);
        }
        foreach (var quote in batch.Quotes)
        {
            await SendAsync("quote", _server.Board.Ticker(quote), cancellationToken);
            _server.Metrics.QuoteSent();
        }
    }

    private async Task SendAsync(string type, object data, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new PushMessage(type, data), ServerJson.Options);
        await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        _server.Metrics.FrameSent();
    }

    private async Task CloseQuietlyAsync(WebSocketCloseStatus status, string description)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _socket.CloseOutputAsync(status, description, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already gone.
        }
    }
}
