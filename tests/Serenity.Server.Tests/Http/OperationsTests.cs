using System.Net;
using Serenity.Server.Tests.Support;

namespace Serenity.Server.Tests.Http;

[Collection(ServerCollection.Name)]
public sealed class OperationsTests(SharedServer shared)
{
    private ApiClient Client => shared.Server.Client;

    [Fact]
    public async Task Healthz_answers_ok_and_readyz_is_ready_once_quotes_flow()
    {
        var health = await Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.Status);
        Assert.Equal("ok", health.Body);

        await shared.Server.Host.Context.Board.FirstQuote.WaitAsync(TimeSpan.FromSeconds(10));
        var ready = await Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal("ready", ready.Body);
    }

    [Fact]
    public async Task Metrics_are_prometheus_text_with_the_servers_counters()
    {
        var token = await Client.RegisterAndLoginAsync(ApiClient.NewUser());
        await Client.PostAsync("/api/orders", new { symbol = "AAPL", side = "buy", quantity = 1 }, token);
        var metrics = await Client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.Status);
        Assert.Equal("text/plain", metrics.MediaType);
        Assert.Contains("# TYPE serenity_orders_accepted_total counter", metrics.Body, StringComparison.Ordinal);
        var accepted = metrics.Body.Split('\n').Single(l => l.StartsWith("serenity_orders_accepted_total ", StringComparison.Ordinal));
        Assert.True(double.Parse(accepted.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Contains("serenity_order_latency_seconds_bucket{le=\"+Inf\"}", metrics.Body, StringComparison.Ordinal);
        Assert.Contains("serenity_http_responses_total{status=\"201\"}", metrics.Body, StringComparison.Ordinal);
        Assert.Contains("serenity_bucket_delivered_total", metrics.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_endpoints_need_the_admin_token()
    {
        var userToken = await Client.RegisterAndLoginAsync(ApiClient.NewUser());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.GetAsync("/api/admin/actors")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.GetAsync("/api/admin/bucket", userToken)).Status);

        var actors = await Client.GetAsync("/api/admin/actors", SharedServer.AdminToken);
        Assert.Equal(HttpStatusCode.OK, actors.Status);
        Assert.Contains(actors.Json.GetProperty("actors").EnumerateArray(), a => a.GetString() == "/user/market-board");
        Assert.True(actors.Json.GetProperty("sharding").GetProperty("account").GetProperty("entities").GetInt32() >= 1);

        var bucket = await Client.GetAsync("/api/admin/bucket", SharedServer.AdminToken);
        Assert.Equal(HttpStatusCode.OK, bucket.Status);
        Assert.True(bucket.Json.GetProperty("keys").GetArrayLength() >= 1);

        var journal = await Client.GetAsync("/api/admin/journal", SharedServer.AdminToken);
        Assert.Equal(HttpStatusCode.OK, journal.Status);
        Assert.Equal("sqlite", journal.Json.GetProperty("plugin").GetString());
        Assert.True(journal.Json.GetProperty("open").GetBoolean());
    }
}
