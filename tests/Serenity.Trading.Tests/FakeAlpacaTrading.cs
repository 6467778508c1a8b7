using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Serenity.Trading.Tests;

/// <summary>One request the fake received.</summary>
public sealed record FakeRequest(string Method, string Path, string? KeyId, string? Secret, JsonElement? Body);

/// <summary>
/// A fake of Alpaca's trading REST API (<c>POST /v2/orders</c>, <c>DELETE /v2/orders/{id}</c>) on 127.0.0.1, as
/// /work/shared/alpaca-protocol.md describes it: decimals as strings, 403 for buying power, 422 for not cancelable.
/// </summary>
public sealed class FakeAlpacaTrading : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _ids;

    public FakeAlpacaTrading()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The secret key the fake accepts.</summary>
    public const string Secret = "s3cr3t-value";

    public Uri BaseAddress { get; }

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    /// <summary>The status the next order POSTs get (200 with an order, or an error).</summary>
    public HttpStatusCode OrderStatus { get; set; } = HttpStatusCode.OK;

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            Handle(context);
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var request = context.Request;
        JsonElement? body = null;
        if (request.HasEntityBody)
        {
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            body = JsonDocument.Parse(reader.ReadToEnd()).RootElement.Clone();
        }
        var path = request.Url!.AbsolutePath;
        Requests.Enqueue(new FakeRequest(request.HttpMethod, path, request.Headers["APCA-API-KEY-ID"], request.Headers["APCA-API-SECRET-KEY"], body));
        var response = context.Response;
        string text;
        if (request.Headers["APCA-API-KEY-ID"] != "key" || request.Headers["APCA-API-SECRET-KEY"] != Secret)
        {
            response.StatusCode = 401;
            text = """{"code":40110000,"message":"request is not authorized"}""";
        }
        else if (request.HttpMethod == "POST" && path == "/v2/orders")
        {
            response.StatusCode = (int)OrderStatus;
            text = OrderStatus == HttpStatusCode.OK
                ? $$"""{"id":"alp-{{Interlocked.Increment(ref _ids)}}","client_order_id":"{{body!.Value.GetProperty("client_order_id").GetString()}}","status":"accepted","qty":"{{body.Value.GetProperty("qty").GetString()}}"}"""
                : """{"code":40310000,"message":"insufficient buying power"}""";
        }
        else if (request.HttpMethod == "DELETE" && path.StartsWith("/v2/orders/", StringComparison.Ordinal))
        {
            response.StatusCode = 204;
            text = "";
        }
        else
        {
            response.StatusCode = 404;
            text = """{"message":"not found"}""";
        }
        var bytes = Encoding.UTF8.GetBytes(text);
        response.ContentType = "application/json";
        response.OutputStream.Write(bytes);
        response.Close();
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
