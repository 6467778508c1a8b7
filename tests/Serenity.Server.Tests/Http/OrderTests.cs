using System.Net;
using Serenity.Server.Tests.Support;

namespace Serenity.Server.Tests.Http;

[Collection(ServerCollection.Name)]
public sealed class OrderTests(SharedServer shared)
{
    private ApiClient Client => shared.Server.Client;

    [Fact]
    public async Task A_market_order_is_created_filled_and_persisted_before_the_answer()
    {
        var token = await Client.RegisterAndLoginAsync(ApiClient.NewUser());
        var order = await Client.PostAsync("/api/orders", new { symbol = "AAPL", side = "buy", quantity = 3, client_order_id = "first" }, token);
        Assert.Equal(HttpStatusCode.Created, order.Status);
        var o = order.Json;
        Assert.Equal("filled", o.GetProperty("status").GetString());
        Assert.Equal("market", o.GetProperty("type").GetString());
        Assert.Equal("day", o.GetProperty("time_in_force").GetString());
        Assert.Equal(3m, o.GetProperty("filled_quantity").GetDecimal());
        var fill = o.GetProperty("fill");
        Assert.Equal(o.GetProperty("order_id").GetString(), fill.GetProperty("order_id").GetString());
        var price = fill.GetProperty("price").GetDecimal();
        Assert.True(price > 0m);

        var account = await Client.GetAsync("/api/account", token);
        Assert.Equal(100_000m - (3 * price), account.Json.GetProperty("cash").GetDecimal());
        var trades = await Client.GetAsync("/api/trades", token);
        Assert.Equal(HttpStatusCode.OK, trades.Status);
        Assert.Contains(trades.Json.GetProperty("trades").EnumerateArray(), t => t.GetProperty("fill_id").GetString() == fill.GetProperty("fill_id").GetString());
        var orders = await Client.GetAsync("/api/orders?status=all", token);
        Assert.Equal(o.GetProperty("order_id").GetString(), orders.Json.GetProperty("orders")[0].GetProperty("order_id").GetString());
        var portfolio = await Client.GetAsync("/api/portfolio", token);
        var position = Assert.Single(portfolio.Json.GetProperty("positions").EnumerateArray());
        Assert.Equal("AAPL", position.GetProperty("symbol").GetString());
        Assert.Equal(3m, position.GetProperty("quantity").GetDecimal());
    }

    [Theory]
    [InlineData("""{"side":"buy","quantity":1}""", "symbol")]
    [InlineData("""{"symbol":"NOPE","side":"buy","quantity":1}""", "symbol")]
    [InlineData("""{"symbol":"AAPL","side":"hold","quantity":1}""", "side")]
    [InlineData("""{"symbol":"AAPL","side":"buy","quantity":0}""", "quantity")]
    [InlineData("""{"symbol":"AAPL","side":"buy","quantity":1.5}""", "quantity")]
    [InlineData("""{"symbol":"AAPL","side":"buy","quantity":"ten"}""", "quantity")]
    [InlineData("""{"symbol":"AAPL","side":"buy","quantity":1,"type":"stop"}""", "type")]
    [InlineData("""{"symbol":"AAPL","side":"buy","quantity":1,"type":"limit"}""", "limit_price")]
    [InlineData("""{"symbol":"AAPL","side":"buy","quantity":1,"limit_price":10}""", "limit_price")]
    [InlineData("""{"symbol":"AAPL","side":"buy","quantity":1,"time_in_force":"forever"}""", "time_in_force")]
    [InlineData("""{"symbol":"AAPL","side":"buy","quantity":100000000}""", "quantity")]
    public async Task A_bad_order_is_400_naming_the_json_field(string body, string field)
    {
        var token = await Client.RegisterAndLoginAsync(ApiClient.NewUser());
        var answer = await Client.PostAsync("/api/orders", body, token);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(field, answer.ErrorField);
        Assert.False(string.IsNullOrEmpty(answer.ErrorReason));
    }

    [Fact]
    public async Task A_client_order_id_reused_with_other_content_is_409_and_an_identical_resubmit_returns_the_order()
    {
        var token = await Client.RegisterAndLoginAsync(ApiClient.NewUser());
        var first = await Client.PostAsync("/api/orders", new { symbol = "MSFT", side = "buy", quantity = 2, client_order_id = "dup" }, token);
        Assert.Equal(HttpStatusCode.Created, first.Status);

        var same = await Client.PostAsync("/api/orders", new { symbol = "MSFT", side = "buy", quantity = 2, client_order_id = "dup" }, token);
        Assert.Equal(HttpStatusCode.OK, same.Status);
        Assert.Equal(first.Json.GetProperty("order_id").GetString(), same.Json.GetProperty("order_id").GetString());

        var different = await Client.PostAsync("/api/orders", new { symbol = "MSFT", side = "buy", quantity = 5, client_order_id = "dup" }, token);
        Assert.Equal(HttpStatusCode.Conflict, different.Status);
        Assert.Equal("client_order_id", different.ErrorField);

        var trades = await Client.GetAsync("/api/trades", token);
        Assert.Single(trades.Json.GetProperty("trades").EnumerateArray());
    }

    [Fact]
    public async Task Canceling_another_users_order_is_403_and_an_unknown_one_404()
    {
        var alice = ApiClient.NewUser("alice");
        var aliceToken = await Client.RegisterAndLoginAsync(alice);
        var bobToken = await Client.RegisterAndLoginAsync(ApiClient.NewUser("bob"));
        var order = await Client.PostAsync("/api/orders", new { symbol = "AAPL", side = "buy", quantity = 1 }, aliceToken);
        var orderId = order.Json.GetProperty("order_id").GetString()!;

        var foreign = await Client.SendAsync(HttpMethod.Delete, "/api/orders/" + orderId, token: bobToken);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.Status);
        Assert.Equal("order_id", foreign.ErrorField);

        var unknown = await Client.SendAsync(HttpMethod.Delete, $"/api/orders/{alice}-999", token: aliceToken);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("order_id", unknown.ErrorField);

        var filled = await Client.SendAsync(HttpMethod.Delete, "/api/orders/" + orderId, token: aliceToken);
        Assert.Equal(HttpStatusCode.Conflict, filled.Status); // a filled order is not working any more
    }

    [Fact]
    public async Task A_resting_limit_order_can_be_listed_as_open_and_canceled()
    {
        var token = await Client.RegisterAndLoginAsync(ApiClient.NewUser());
        var order = await Client.PostAsync("/api/orders", new { symbol = "AAPL", side = "buy", quantity = 1, type = "limit", limit_price = 0.01m, time_in_force = "gtc" }, token);
        Assert.Equal(HttpStatusCode.Created, order.Status);
        Assert.Equal("new", order.Json.GetProperty("status").GetString());
        var id = order.Json.GetProperty("order_id").GetString();

        var open = await Client.GetAsync("/api/orders?status=open", token);
        Assert.Contains(open.Json.GetProperty("orders").EnumerateArray(), o => o.GetProperty("order_id").GetString() == id);

        var canceled = await Client.SendAsync(HttpMethod.Delete, "/api/orders/" + id, token: token);
        Assert.Equal(HttpStatusCode.OK, canceled.Status);
        Assert.Equal("canceled", canceled.Json.GetProperty("status").GetString());
    }
}
