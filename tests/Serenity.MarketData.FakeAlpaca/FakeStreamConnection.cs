using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Serenity.MarketData.FakeAlpaca;

/// <summary>One client of the fake stream: the protocol's handshake, auth, subscriptions and errors.</summary>
public sealed class FakeStreamConnection
{
    private static readonly string[] s_channels = ["trades", "quotes", "bars", "dailyBars", "updatedBars", "statuses", "lulds", "imbalances"];
    private readonly WebSocket _socket;
    private readonly FakeAlpacaServer _server;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Dictionary<string, SortedSet<string>> _subscriptions = s_channels.ToDictionary(c => c, _ => new SortedSet<string>(StringComparer.Ordinal));
    private bool _authenticated;
    private volatile bool _stalled;

    internal FakeStreamConnection(int id, WebSocket socket, FakeAlpacaServer server)
    {
        Id = id;
        _socket = socket;
        _server = server;
    }

    /// <summary>1, 2, ... in order of acceptance.</summary>
    public int Id { get; }

    /// <summary>From now on this connection sends nothing at all (a half-open socket); it stays open.</summary>
    public void Stall() => _stalled = true;

    /// <summary>Sends one raw frame (a JSON array, or anything at all for fuzzing); swallowed once stalled.</summary>
    public async Task SendAsync(string frame)
    {
        if (_stalled) return;
        await _sendLock.WaitAsync();
        try
        {
            if (_socket.State == WebSocketState.Open) await _socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends <c>[{"T":"error","code":code,"msg":msg}]</c>.</summary>
    public async Task SendErrorAsync(int code, string msg)
    {
        _server.Raise(new ErrorSent(Id, code));
        await SendAsync($$"""[{"T":"error","code":{{code}},"msg":"{{msg}}"}]""");
    }

    /// <summary>Cuts the connection with no close handshake.</summary>
    public void Drop() => _socket.Abort();

    internal async Task RunAsync(CancellationToken ct)
    {
        await SendAsync("""[{"T":"success","msg":"connected"}]""");
        _server.Raise(new ConnectionOpened(Id));
        if (_server.Options.ErrorOnConnect is { } code)
        {
            _server.Options.ErrorOnConnect = null;
            await SendErrorAsync(code, "connection limit exceeded");
            await CloseAsync();
            return;
        }
        var buffer = new byte[64 * 1024];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var length = 0;
                WebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                    result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), ct);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
                if (result.MessageType == WebSocketMessageType.Close) return;
                var json = Encoding.UTF8.GetString(buffer, 0, length);
                _server.Raise(new ClientMessage(Id, json));
                if (!await HandleAsync(json)) return;
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Dropped.
        }
    }

    // False: the server closes the connection.
    private async Task<bool> HandleAsync(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            await SendErrorAsync(400, "invalid syntax");
            return true;
        }
        using (document)
        {
            var root = document.RootElement;
            var action = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("action", out var a) ? a.GetString() : null;
            switch (action)
            {
                case "auth":
                    return await AuthenticateAsync(root);
                case "subscribe" or "unsubscribe" when !_authenticated:
                    await SendErrorAsync(401, "not authenticated");
                    return true;
                case "subscribe" or "unsubscribe":
                    await ChangeSubscriptionAsync(root, action == "subscribe");
                    return true;
                default:
                    await SendErrorAsync(400, "invalid syntax");
                    return true;
            }
        }
    }

    private async Task<bool> AuthenticateAsync(JsonElement root)
    {
        if (_authenticated)
        {
            await SendErrorAsync(403, "already authenticated");
            return true;
        }
        var key = root.TryGetProperty("key", out var k) ? k.GetString() : null;
        var secret = root.TryGetProperty("secret", out var s) ? s.GetString() : null;
        if (key != _server.Options.KeyId || secret != _server.Options.SecretKey)
        {
            await SendErrorAsync(402, "auth failed");
            await CloseAsync();
            return false;
        }
        _authenticated = true;
        await SendAsync("""[{"T":"success","msg":"authenticated"}]""");
        _server.Raise(new ConnectionAuthenticated(Id));
        return true;
    }

    private async Task ChangeSubscriptionAsync(JsonElement root, bool add)
    {
        if (add && _server.Options.InsufficientSubscription)
        {
            await SendErrorAsync(409, "insufficient subscription");
            return;
        }
        var next = _subscriptions.ToDictionary(kv => kv.Key, kv => new SortedSet<string>(kv.Value, StringComparer.Ordinal));
        foreach (var channel in s_channels)
        {
            if (!root.TryGetProperty(channel, out var list) || list.ValueKind != JsonValueKind.Array) continue;
            foreach (var symbol in list.EnumerateArray().Select(e => e.GetString()!))
            {
                if (add) next[channel].Add(symbol);
                else next[channel].Remove(symbol);
            }
        }
        if (next["trades"].Union(next["quotes"]).Count() > _server.Options.SymbolLimit)
        {
            await SendErrorAsync(405, "symbol limit exceeded");
            return;
        }
        foreach (var (channel, set) in next)
        {
            _subscriptions[channel].Clear();
            _subscriptions[channel].UnionWith(set);
        }
        var reply = new Dictionary<string, object> { ["T"] = "subscription" };
        foreach (var channel in s_channels) reply[channel] = _subscriptions[channel].ToArray();
        reply["corrections"] = _subscriptions["trades"].ToArray();
        reply["cancelErrors"] = _subscriptions["trades"].ToArray();
        await SendAsync(JsonSerializer.Serialize(new[] { reply }));
        _server.Raise(new SubscriptionChanged(Id, _subscriptions.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)[.. kv.Value])));
    }

    private async Task CloseAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, "closing", timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already gone.
        }
    }
}
