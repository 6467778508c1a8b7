using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Serenity.MarketData.Alpaca.Rest;

namespace Serenity.Trading.Alpaca;

/// <summary>Alpaca's answer to a forwarded order: its id and status.</summary>
public sealed record BrokerOrder(string Id, string Status);

/// <summary>
/// The part of Alpaca's trading REST API that forwarding needs: <c>POST /v2/orders</c> and <c>DELETE /v2/orders/{id}</c>.
/// Decimals travel as JSON strings; the client order id is derived from Serenity's order id (at most 48 characters),
/// so a repeated forward of one order is refused by Alpaca instead of trading twice. Errors throw
/// <see cref="AlpacaRestException"/> with the HTTP status (403: buying power or shares; 422: invalid or not cancelable).
/// </summary>
public sealed class AlpacaTradingClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>A client for <paramref name="settings"/>; <paramref name="http"/> (optional) is then owned by the caller.</summary>
    public AlpacaTradingClient(AlpacaBrokerSettings settings, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _ownsHttp = http is null;
        _http = http ?? new HttpClient { Timeout = settings.RequestTimeout };
        Settings = settings;
    }

    /// <summary>Where and as whom orders go.</summary>
    public AlpacaBrokerSettings Settings { get; }

    /// <summary>The <c>client_order_id</c> sent for Serenity's <paramref name="orderId"/>: "sy-" and 32 hex digits of its SHA-256.</summary>
    public static string ClientOrderIdFor(string orderId) =>
        "sy-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(orderId)))[..32];

    /// <summary>Places a copy of <paramref name="order"/> (symbol, side, type, time in force, quantity, limit price).</summary>
    public async Task<BrokerOrder> SubmitAsync(OrderView order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        using var request = Request(HttpMethod.Post, "v2/orders");
        request.Content = new ByteArrayContent(OrderJson(order));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var body = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            return new BrokerOrder(root.GetProperty("id").GetString() ?? "", root.TryGetProperty("status", out var s) ? s.GetString() ?? "" : "");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new AlpacaRestException("malformed answer from the Alpaca trading API", e);
        }
    }

    /// <summary>Cancels the Alpaca order <paramref name="brokerOrderId"/>.</summary>
    public async Task CancelAsync(string brokerOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(brokerOrderId);
        using var request = Request(HttpMethod.Delete, "v2/orders/" + Uri.EscapeDataString(brokerOrderId));
        await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(Settings.TradingUrl, path));
        request.Headers.Add("APCA-API-KEY-ID", Settings.Credentials.KeyId);
        request.Headers.Add("APCA-API-SECRET-KEY", Settings.Credentials.SecretKey);
        return request;
    }

    private async Task<byte[]> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw new AlpacaRestException(response.StatusCode, Encoding.UTF8.GetString(body));
        return body;
    }

    private static byte[] OrderJson(OrderView o)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("symbol", o.Symbol);
            w.WriteString("qty", Text(o.Quantity));
            w.WriteString("side", o.Side == OrderSide.Buy ? "buy" : "sell");
            w.WriteString("type", o.Type == OrderType.Limit ? "limit" : "market");
            w.WriteString("time_in_force", o.TimeInForce.ToString().ToLowerInvariant());
            if (o.LimitPrice is { } limit) w.WriteString("limit_price", Text(limit));
            w.WriteString("client_order_id", ClientOrderIdFor(o.OrderId));
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static string Text(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
