using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Serenity.Server.Tests.Support;

namespace Serenity.Server.Tests.Http;

[Collection(ServerCollection.Name)]
public sealed class WebSocketTests(SharedServer shared)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private ApiClient Client => shared.Server.Client;

    [Fact]
    public async Task Subscribed_quotes_are_pushed_as_they_happen()
    {
        var token = await Client.RegisterAndLoginAsync(ApiClient.NewUser());
        await using var ws = await WsClient.ConnectAsync(Client.BaseAddress, token);
        await ws.SendAsync(new { action = "subscribe", symbols = new[] { "AAPL" } });

        var subscribed = await ws.ReceiveUntilAsync(m => Type(m) == "subscribed", Bound);
        Assert.Equal(["AAPL"], subscribed.GetProperty("data").GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));
        var first = await ws.ReceiveUntilAsync(m => Type(m) == "quote", Bound);
        var firstTime = first.GetProperty("data").GetProperty("timestamp").GetDateTime();
        // A later quote proves live push (the first may be the current price sent on subscribe).
        var later = await ws.ReceiveUntilAsync(m => Type(m) == "quote" && m.GetProperty("data").GetProperty("timestamp").GetDateTime() > firstTime, Bound);
        var data = later.GetProperty("data");
        Assert.Equal("AAPL", data.GetProperty("symbol").GetString());
        Assert.True(data.GetProperty("bid").GetDecimal() > 0m);
        Assert.True(data.GetProperty("ask").GetDecimal() >= data.GetProperty("bid").GetDecimal());
    }

    [Fact]
    public async Task Unknown_symbols_and_actions_get_an_error_naming_the_field()
    {
        var token = await Client.RegisterAndLoginAsync(ApiClient.NewUser());
        await using var ws = await WsClient.ConnectAsync(Client.BaseAddress, token);
        await ws.SendAsync(new { action = "subscribe", symbols = new[] { "NOPE" } });
        var error = await ws.ReceiveUntilAsync(m => Type(m) == "error", Bound);
        Assert.Equal("symbols", error.GetProperty("data").GetProperty("field").GetString());
        await ws.SendAsync(new { action = "dance" });
        error = await ws.ReceiveUntilAsync(m => Type(m) == "error", Bound);
        Assert.Equal("action", error.GetProperty("data").GetProperty("field").GetString());
    }

    [Fact]
    public async Task The_own_account_gets_its_snapshot_then_order_and_fill_pushes()
    {
        var token = await Client.RegisterAndLoginAsync(ApiClient.NewUser());
        await using var ws = await WsClient.ConnectAsync(Client.BaseAddress, token);
        await ws.SendAsync(new { action = "subscribe_account" });
        var account = await ws.ReceiveUntilAsync(m => Type(m) == "account", Bound);
        Assert.Equal(100_000m, account.GetProperty("data").GetProperty("cash").GetDecimal());

        var order = await Client.PostAsync("/api/orders", new { symbol = "TSLA", side = "buy", quantity = 4 }, token);
        Assert.Equal(HttpStatusCode.Created, order.Status);
        var orderId = order.Json.GetProperty("order_id").GetString();
        var fill = await ws.ReceiveUntilAsync(m => Type(m) == "fill", Bound);
        Assert.Equal(orderId, fill.GetProperty("data").GetProperty("order_id").GetString());
        Assert.Equal(4m, fill.GetProperty("data").GetProperty("quantity").GetDecimal());
        var portfolio = await ws.ReceiveUntilAsync(m => Type(m) == "portfolio" && m.GetProperty("data").GetProperty("positions").GetArrayLength() == 1, Bound);
        Assert.Equal("TSLA", portfolio.GetProperty("data").GetProperty("positions")[0].GetProperty("symbol").GetString());
    }

    [Fact]
    public async Task Another_users_fills_are_not_pushed_to_me()
    {
        var mine = await Client.RegisterAndLoginAsync(ApiClient.NewUser());
        var theirs = await Client.RegisterAndLoginAsync(ApiClient.NewUser());
        await using var ws = await WsClient.ConnectAsync(Client.BaseAddress, mine);
        await ws.SendAsync(new { action = "subscribe_account" });
        await ws.ReceiveUntilAsync(m => Type(m) == "account", Bound);
        await Client.PostAsync("/api/orders", new { symbol = "AAPL", side = "buy", quantity = 1, client_order_id = "theirs" }, theirs);
        var own = await Client.PostAsync("/api/orders", new { symbol = "AAPL", side = "buy", quantity = 1, client_order_id = "mine" }, mine);
        Assert.Equal(HttpStatusCode.Created, own.Status);
        // Pushes are in order per user: the first fill this socket sees must be the user's own.
        var fill = await ws.ReceiveUntilAsync(m => Type(m) == "fill", Bound);
        Assert.Equal("mine", fill.GetProperty("data").GetProperty("client_order_id").GetString());
    }

    [Fact]
    public async Task A_websocket_without_a_valid_token_is_refused()
    {
        var ws = new ClientWebSocket();
        var uri = new UriBuilder(Client.BaseAddress) { Scheme = "ws", Path = "/ws", Query = "token=forged" }.Uri;
        using var timeout = new CancellationTokenSource(Bound);
        var e = await Assert.ThrowsAsync<WebSocketException>(() => ws.ConnectAsync(uri, timeout.Token));
        Assert.Contains("401", e.Message, StringComparison.Ordinal);
        ws.Dispose();
    }

    private static string? Type(JsonElement m) => m.GetProperty("type").GetString();
}
