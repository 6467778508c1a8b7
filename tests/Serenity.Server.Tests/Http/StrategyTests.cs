using System.Net;
using Serenity.Server.Tests.Support;

namespace Serenity.Server.Tests.Http;

[Collection(ServerCollection.Name)]
public sealed class StrategyTests(SharedServer shared)
{
    private ApiClient Client => shared.Server.Client;

    [Fact]
    public async Task A_strategy_is_enabled_listed_resized_and_disabled()
    {
        var token = await Client.RegisterAndLoginAsync(ApiClient.NewUser());
        var empty = await Client.GetAsync("/api/strategies", token);
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Empty(empty.Json.GetProperty("strategies").EnumerateArray());

        var enabled = await Client.SendAsync(HttpMethod.Put, "/api/strategies", new { symbol = "msft", strategy = "sma-cross", quantity = 10 }, token);
        Assert.Equal(HttpStatusCode.OK, enabled.Status);
        Assert.Equal("MSFT", enabled.Json.GetProperty("symbol").GetString());
        Assert.Equal("sma-cross", enabled.Json.GetProperty("strategy").GetString());
        Assert.Equal(10m, enabled.Json.GetProperty("quantity").GetDecimal());
        Assert.True(enabled.Json.GetProperty("enabled").GetBoolean());
        Assert.False(enabled.Json.GetProperty("in_position").GetBoolean());

        var resized = await Client.SendAsync(HttpMethod.Put, "/api/strategies", new { symbol = "MSFT", strategy = "sma-cross", quantity = 25 }, token);
        Assert.Equal(25m, resized.Json.GetProperty("quantity").GetDecimal());
        var listed = Assert.Single((await Client.GetAsync("/api/strategies", token)).Json.GetProperty("strategies").EnumerateArray());
        Assert.Equal("MSFT", listed.GetProperty("symbol").GetString());
        Assert.Equal(25m, listed.GetProperty("quantity").GetDecimal());

        var disabled = await Client.SendAsync(HttpMethod.Delete, "/api/strategies/MSFT", null, token);
        Assert.Equal(HttpStatusCode.OK, disabled.Status);
        Assert.False(disabled.Json.GetProperty("enabled").GetBoolean());
        var after = Assert.Single((await Client.GetAsync("/api/strategies", token)).Json.GetProperty("strategies").EnumerateArray());
        Assert.False(after.GetProperty("enabled").GetBoolean());

        var again = await Client.SendAsync(HttpMethod.Delete, "/api/strategies/MSFT", null, token);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Equal("symbol", again.ErrorField);
        var unknown = await Client.SendAsync(HttpMethod.Delete, "/api/strategies/NOPE", null, token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }

    [Theory]
    [InlineData("""{"strategy":"sma-cross","quantity":1}""", "symbol")]
    [InlineData("""{"symbol":"NOPE","strategy":"sma-cross","quantity":1}""", "symbol")]
    [InlineData("""{"symbol":"AAPL","strategy":"momentum","quantity":1}""", "strategy")]
    [InlineData("""{"symbol":"AAPL","strategy":7,"quantity":1}""", "strategy")]
    [InlineData("""{"symbol":"AAPL","strategy":"sma-cross"}""", "quantity")]
    [InlineData("""{"symbol":"AAPL","strategy":"sma-cross","quantity":0}""", "quantity")]
    [InlineData("""{"symbol":"AAPL","strategy":"sma-cross","quantity":"ten"}""", "quantity")]
    [InlineData("""{"symbol":"AAPL","strategy":"sma-cross","quantity":1.5}""", "quantity")]
    [InlineData("""[1]""", "body")]
    public async Task A_bad_enable_is_400_naming_the_json_field(string body, string field)
    {
        var token = await Client.RegisterAndLoginAsync(ApiClient.NewUser());
        var answer = await Client.SendAsync(HttpMethod.Put, "/api/strategies", body, token);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(field, answer.ErrorField);
        Assert.False(string.IsNullOrEmpty(answer.ErrorReason));
        Assert.Empty((await Client.GetAsync("/api/strategies", token)).Json.GetProperty("strategies").EnumerateArray());
    }

    [Fact]
    public async Task Strategies_and_signals_need_a_token()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.GetAsync("/api/strategies")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.SendAsync(HttpMethod.Put, "/api/strategies", new { symbol = "AAPL", quantity = 1 })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.SendAsync(HttpMethod.Delete, "/api/strategies/AAPL")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.GetAsync("/api/signals")).Status);
    }

    [Fact]
    public async Task Signals_start_empty_and_check_their_parameters()
    {
        var token = await Client.RegisterAndLoginAsync(ApiClient.NewUser());
        var all = await Client.GetAsync("/api/signals", token);
        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.Empty(all.Json.GetProperty("signals").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/signals?symbol=aapl", token)).Status);

        var unknown = await Client.GetAsync("/api/signals?symbol=NOPE", token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("symbol", unknown.ErrorField);
        var badLimit = await Client.GetAsync("/api/signals?limit=0", token);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.Status);
        Assert.Equal("limit", badLimit.ErrorField);
    }
}
