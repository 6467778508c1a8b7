using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Serenity.Server.Tests.Support;

/// <summary>A WebSocket client of /ws that reads JSON messages with a deadline.</summary>
public sealed class WsClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    private WsClient()
    {
    }

    /// <summary>The socket.</summary>
    public WebSocket Socket => _socket;

    /// <summary>Connects to <c>/ws?token=</c>.</summary>
    public static async Task<WsClient> ConnectAsync(Uri baseAddress, string token)
    {
        var client = new WsClient();
        var uri = new UriBuilder(baseAddress) { Scheme = "ws", Path = "/ws", Query = "token=" + Uri.EscapeDataString(token) }.Uri;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client._socket.ConnectAsync(uri, timeout.Token);
        return client;
    }

    /// <summary>Sends an object as JSON text.</summary>
    public async Task SendAsync(object message)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>The next message, or a TimeoutException after <paramref name="timeout"/>; null when the server closed.</summary>
    public async Task<JsonElement?> ReceiveAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, cts.Token);
                if (result.MessageType == WebSocketMessageType.Close) return null;
                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage) return JsonDocument.Parse(message.ToArray()).RootElement;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no WebSocket message within {timeout}");
        }
    }

    /// <summary>Reads messages until one matches, within <paramref name="timeout"/> overall.</summary>
    public async Task<JsonElement> ReceiveUntilAsync(Func<JsonElement, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var seen = new List<string>();
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException("no matching WebSocket message; saw: " + string.Join(" | ", seen.TakeLast(10)));
            JsonElement? next;
            try
            {
                next = await ReceiveAsync(left);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException("no matching WebSocket message; saw: " + string.Join(" | ", seen.TakeLast(10)));
            }
            if (next is not { } m) throw new InvalidOperationException("the server closed the WebSocket; saw: " + string.Join(" | ", seen.TakeLast(10)));
            if (match(m)) return m;
            seen.Add(m.GetRawText().Length > 200 ? m.GetRawText()[..200] : m.GetRawText());
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The server is gone.
            }
        }
        _socket.Dispose();
    }
}
