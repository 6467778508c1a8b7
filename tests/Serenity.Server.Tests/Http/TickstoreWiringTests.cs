using System.Net;
using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.MarketData;
using Serenity.MarketData.Graph;
using Serenity.Server.Tests.Support;
using Serenity.Tickstore;
using Serenity.Tickstore.Filling;

namespace Serenity.Server.Tests.Http;

/// <summary>The tickstore inside a node: history behind the Ticker's window, and the live bars recorder.</summary>
public sealed class TickstoreWiringTests
{
    private static Bar MinuteBar(string symbol, DateTime at, decimal close) => new(symbol, at, close - 0.5m, close + 1m, close - 1m, close, 100m, 5, close);

    [Fact]
    public async Task Bars_older_than_the_tickers_window_come_from_the_tickstore_under_the_data_folder()
    {
        using var data = new TempDirectory();
        var day = DateTime.UtcNow.Date.AddDays(-3);
        var start = day.AddHours(14);
        var stored = Enumerable.Range(0, 120).Select(i => MinuteBar("AAPL", start.AddMinutes(i), 100m + i)).ToList();
        using (var store = TickStore.Open(Path.Combine(data.Path, "tickstore")))
        {
            store.Insert("AAPL", DateOnly.FromDateTime(day), stored);
        }
        await using var server = await TestServer.StartAsync(dataDirectory: data.Path);
        var token = await server.Client.RegisterAndLoginAsync(ApiClient.NewUser());
        var from = Uri.EscapeDataString(day.ToString("O"));

        var minutes = await server.Client.GetAsync($"/api/bars/AAPL?from={from}", token);
        Assert.Equal(HttpStatusCode.OK, minutes.Status);
        var bars = minutes.Json.GetProperty("bars").EnumerateArray().ToList();
        Assert.True(bars.Count >= 120);
        Assert.Equal(start, bars[0].GetProperty("timestamp").GetDateTime().ToUniversalTime());
        Assert.Equal(99.5m, bars[0].GetProperty("open").GetDecimal());
        Assert.Equal(219m, bars[119].GetProperty("close").GetDecimal());

        var hours = await server.Client.GetAsync($"/api/bars/AAPL?from={from}&to={Uri.EscapeDataString(day.AddDays(1).ToString("O"))}&bucket=60", token);
        Assert.Equal(HttpStatusCode.OK, hours.Status);
        Assert.Equal(60, hours.Json.GetProperty("bucket_minutes").GetInt32());
        var hourBars = hours.Json.GetProperty("bars").EnumerateArray().ToList();
        Assert.Equal(2, hourBars.Count);
        Assert.Equal(start, hourBars[0].GetProperty("timestamp").GetDateTime().ToUniversalTime());
        Assert.Equal(99.5m, hourBars[0].GetProperty("open").GetDecimal());
        Assert.Equal(159m, hourBars[0].GetProperty("close").GetDecimal());
        Assert.Equal(220m, hourBars[1].GetProperty("high").GetDecimal());
        Assert.Equal(6000m, hourBars[0].GetProperty("volume").GetDecimal());
    }

    [Fact]
    public async Task A_graceful_shutdown_flushes_the_live_bars_into_the_tickstore()
    {
        using var data = new TempDirectory();
        var at = DateTime.UtcNow.Date.AddDays(-1).AddHours(15);
        await using (var server = await TestServer.StartAsync(dataDirectory: data.Path))
        {
            var recorder = server.Host.Context.Features?.Recorder;
            Assert.NotNull(recorder);
            // An answer proves the recorder has started (PreStart subscribed it to bars.{SYM}) before the bar is published.
            Assert.Equal(0, (await recorder.Ask<BarsFlushed>(new FlushBars(), TimeSpan.FromSeconds(10))).Versions);
            DistributedPubSub.Get(server.Host.System).Publish(PubSubMarketDataPublisher.BarsTopic("TSLA"), MinuteBar("TSLA", at, 250m));
        }
        using var store = TickStore.Open(Path.Combine(data.Path, "tickstore"));
        var bars = store.Select("TSLA", at, at.AddMinutes(1));
        Assert.Equal(1, bars.Count);
        Assert.Equal(250m, bars.CloseAt(0));
    }

    [Fact]
    public async Task With_risk_and_the_recorder_off_the_node_runs_without_them()
    {
        await using var server = await TestServer.StartAsync("""
            serenity.risk.enabled = off
            serenity.tickstore.live.enabled = off
            """);
        Assert.Null(server.Host.Context.Features?.Risk);
        Assert.Null(server.Host.Context.Features?.Recorder);
        var token = await server.Client.RegisterAndLoginAsync(ApiClient.NewUser());
        var risk = await server.Client.GetAsync("/api/risk", token);
        Assert.Equal(HttpStatusCode.NotFound, risk.Status);
        Assert.Equal("risk", risk.ErrorField);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/api/strategies", token)).Status);
        var order = await server.Client.PostAsync("/api/orders", new { symbol = "AAPL", side = "buy", quantity = 1 }, token);
        Assert.Equal(HttpStatusCode.Created, order.Status);
    }
}
