using System.Net;
using Serenity.Server.Tests.Support;

namespace Serenity.Server.Tests.Http;

[Collection(ServerCollection.Name)]
public sealed class RiskTests(SharedServer shared)
{
    private ApiClient Client => shared.Server.Client;

    [Fact]
    public async Task Risk_needs_a_token()
    {
        var answer = await Client.GetAsync("/api/risk");
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
    }

    [Fact]
    public async Task Before_any_position_the_risk_is_an_empty_state_in_snake_case()
    {
        var user = ApiClient.NewUser();
        var token = await Client.RegisterAndLoginAsync(user);
        var answer = await Client.GetAsync("/api/risk", token);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var risk = answer.Json;
        Assert.Equal(user, risk.GetProperty("user_id").GetString());
        Assert.False(risk.GetProperty("has_positions").GetBoolean());
        var snapshot = risk.GetProperty("snapshot");
        Assert.Empty(snapshot.GetProperty("positions").EnumerateArray());
        Assert.Equal(0m, snapshot.GetProperty("historical95").GetProperty("var").GetDecimal());
        Assert.Equal(0m, snapshot.GetProperty("exposure").GetProperty("gross").GetDecimal());
        Assert.Equal(100_000m, snapshot.GetProperty("portfolio_value").GetDecimal());
        Assert.Equal(60, snapshot.GetProperty("window_length").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Array, risk.GetProperty("history").ValueKind);
    }

    [Fact]
    public async Task After_a_buy_the_risk_shows_the_position_its_exposure_and_concentration()
    {
        var token = await Client.RegisterAndLoginAsync(ApiClient.NewUser());
        // The first look starts the user's Risk entity: it then follows the account's fills (and their prices).
        Assert.False((await Client.GetAsync("/api/risk", token)).Json.GetProperty("has_positions").GetBoolean());
        var order = await Client.PostAsync("/api/orders", new { symbol = "AAPL", side = "buy", quantity = 4 }, token);
        Assert.Equal(HttpStatusCode.Created, order.Status);
        var price = order.Json.GetProperty("fill").GetProperty("price").GetDecimal();

        var risk = (await Client.GetAsync("/api/risk", token)).Json;
        Assert.True(risk.GetProperty("has_positions").GetBoolean());
        var snapshot = risk.GetProperty("snapshot");
        var position = Assert.Single(snapshot.GetProperty("positions").EnumerateArray());
        Assert.Equal("AAPL", position.GetProperty("symbol").GetString());
        Assert.Equal(4m, position.GetProperty("quantity").GetDecimal());
        var exposure = snapshot.GetProperty("exposure");
        Assert.True(exposure.GetProperty("gross").GetDecimal() > 0m);
        Assert.Equal(exposure.GetProperty("gross").GetDecimal(), exposure.GetProperty("net").GetDecimal());
        Assert.Equal("AAPL", exposure.GetProperty("largest_symbol").GetString());
        Assert.Equal(1.0, exposure.GetProperty("largest_share").GetDouble(), 9);
        Assert.InRange(exposure.GetProperty("gross").GetDecimal(), 4m * price * 0.5m, 4m * price * 1.5m);
        foreach (var key in new[] { "historical95", "historical99", "parametric95", "parametric99" })
        {
            var figures = snapshot.GetProperty(key);
            Assert.True(figures.GetProperty("var").GetDecimal() >= 0m);
            Assert.True(figures.GetProperty("expected_shortfall").GetDecimal() >= figures.GetProperty("var").GetDecimal() || key.StartsWith("parametric", StringComparison.Ordinal));
        }
        Assert.True(snapshot.TryGetProperty("drawdown", out var drawdown) && drawdown.TryGetProperty("max_fraction", out _));
    }
}
