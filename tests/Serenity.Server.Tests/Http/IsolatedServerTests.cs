using System.Net;
using Serenity.Server.Tests.Support;

namespace Serenity.Server.Tests.Http;

/// <summary>Tests that need a node of their own: other settings, or a restart.</summary>
public sealed class IsolatedServerTests
{
    [Fact]
    public async Task A_user_over_the_rate_limit_gets_429_with_retry_after_and_others_are_not_affected()
    {
        await using var server = await TestServer.StartAsync("""
            serenity.server.rate-limit.permits-per-second = 1
            serenity.server.rate-limit.burst = 3
            """);
        var token = await server.Client.RegisterAndLoginAsync(ApiClient.NewUser());
        var answers = new List<ApiResponse>();
        for (var i = 0; i < 50 && (answers.Count == 0 || answers[^1].Status != HttpStatusCode.TooManyRequests); i++)
        {
            answers.Add(await server.Client.GetAsync("/api/symbols", token));
        }
        var limited = answers[^1];
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.True(answers.Count >= 4, "the burst of 3 passes before the first 429");
        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.True(limited.RetryAfter >= TimeSpan.FromSeconds(1));
        Assert.Null(limited.ErrorField);
        Assert.Contains("rate limit", limited.ErrorReason, StringComparison.Ordinal);

        var other = await server.Client.RegisterAndLoginAsync(ApiClient.NewUser());
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/api/symbols", other)).Status);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/healthz", token)).Status); // health is never limited
    }

    [Fact]
    public async Task A_graceful_shutdown_keeps_the_account_for_the_next_start_on_the_same_data_folder()
    {
        using var data = new TempDirectory();
        var user = ApiClient.NewUser();
        decimal cash;
        Uri firstAddress;
        await using (var first = await TestServer.StartAsync(dataDirectory: data.Path))
        {
            firstAddress = first.Host.BaseAddress;
            var token = await first.Client.RegisterAndLoginAsync(user);
            var order = await first.Client.PostAsync("/api/orders", new { symbol = "AMZN", side = "buy", quantity = 2 }, token);
            Assert.Equal(HttpStatusCode.Created, order.Status);
            cash = (await first.Client.GetAsync("/api/account", token)).Json.GetProperty("cash").GetDecimal();
        }
        using (var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) })
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => probe.GetAsync(new Uri(firstAddress, "/healthz"))); // the port is closed
        }

        await using var second = await TestServer.StartAsync(dataDirectory: data.Path);
        var again = await second.Client.PostAsync("/api/login", new { user_id = user, password = "correct horse" });
        Assert.Equal(HttpStatusCode.OK, again.Status);
        var account = await second.Client.GetAsync("/api/account", again.Json.GetProperty("token").GetString());
        Assert.Equal(cash, account.Json.GetProperty("cash").GetDecimal());
        Assert.Equal(1, account.Json.GetProperty("positions_count").GetInt32());
    }

    [Fact]
    public async Task Shutdown_closes_open_websockets_with_going_away()
    {
        await using var server = await TestServer.StartAsync();
        var token = await server.Client.RegisterAndLoginAsync(ApiClient.NewUser());
        var ws = await WsClient.ConnectAsync(server.Host.BaseAddress, token);
        await ws.SendAsync(new { action = "subscribe", symbols = new[] { "AAPL" } });
        await ws.ReceiveUntilAsync(m => m.GetProperty("type").GetString() == "subscribed", TimeSpan.FromSeconds(10));

        var shutdown = server.Host.DisposeAsync().AsTask();
        await ws.ReceiveUntilAsync(_ => false, TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default); // drain until closed
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, ws.Socket.CloseStatus);
        await ws.DisposeAsync();
        await shutdown.WaitAsync(TimeSpan.FromSeconds(20));
    }
}
