using System.Net;
using System.Text.Json;
using Serenity.Cluster.PubSub;
using Serenity.Risk.Entities;
using Serenity.Risk.Entities.Strategies;
using Serenity.Risk.Strategies;
using Serenity.Server.Tests.Support;

namespace Serenity.Server.Tests.Http;

[Collection(ServerCollection.Name)]
public sealed class RiskPushTests(SharedServer shared)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private ApiClient Client => shared.Server.Client;

    private static string? Type(JsonElement m) => m.GetProperty("type").GetString();

    private static bool Holds(JsonElement risk, string symbol) =>
        risk.GetProperty("data").GetProperty("positions").EnumerateArray().Any(p => p.GetProperty("symbol").GetString() == symbol);

    [Fact]
    public async Task Subscribe_account_pushes_the_risk_snapshot_then_its_updates_and_the_users_signals()
    {
        var user = ApiClient.NewUser();
        var token = await Client.RegisterAndLoginAsync(user);
        await using var ws = await WsClient.ConnectAsync(Client.BaseAddress, token);
        await ws.SendAsync(new { action = "subscribe_account" });
        var first = await ws.ReceiveUntilAsync(m => Type(m) == "risk", Bound);
        Assert.Equal(user, first.GetProperty("data").GetProperty("user_id").GetString());
        Assert.Empty(first.GetProperty("data").GetProperty("positions").EnumerateArray());

        var order = await Client.PostAsync("/api/orders", new { symbol = "AMZN", side = "buy", quantity = 3 }, token);
        Assert.Equal(HttpStatusCode.Created, order.Status);
        var update = await ws.ReceiveUntilAsync(m => Type(m) == "risk" && Holds(m, "AMZN"), Bound);
        Assert.True(update.GetProperty("data").GetProperty("exposure").GetProperty("gross").GetDecimal() > 0m);

        // The risk update proves the session follows the user's topics; a signal published now must arrive.
        var pubSub = DistributedPubSub.Get(shared.Server.Host.System);
        var at = new DateTime(2024, 1, 2, 15, 30, 0, DateTimeKind.Utc);
        var other = new SignalView("AMZN", "sma-cross", SignalKind.Exit, at, 1m, "someone else's", "c-0", SignalOrderStatus.Pending);
        pubSub.Publish(RiskTopics.Signals("someone-else"), new SignalUpdated("someone-else", other));
        var mine = new SignalView("AMZN", "sma-cross", SignalKind.Entry, at, 3m, "SMA10 crossed above SMA20", "c-1", SignalOrderStatus.Accepted, "o-1", 3m, 101.5m);
        pubSub.Publish(RiskTopics.Signals(user), new SignalUpdated(user, mine));
        var signal = await ws.ReceiveUntilAsync(m => Type(m) == "signal", Bound);
        var data = signal.GetProperty("data");
        Assert.Equal("entry", data.GetProperty("kind").GetString());
        Assert.Equal("accepted", data.GetProperty("status").GetString());
        Assert.Equal("AMZN", data.GetProperty("symbol").GetString());
        Assert.Equal(at, data.GetProperty("bar_timestamp").GetDateTime().ToUniversalTime());
        Assert.Equal(101.5m, data.GetProperty("fill_price").GetDecimal());
    }
}
