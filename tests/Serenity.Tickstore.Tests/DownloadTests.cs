using Serenity.Tests.Shared;
using Serenity.MarketData;
using Serenity.MarketData.Alpaca;
using Serenity.MarketData.Alpaca.Rest;
using Serenity.MarketData.FakeAlpaca;
using Serenity.Tickstore.Filling;

namespace Serenity.Tickstore.Tests;

public sealed class DownloadTests : IAsyncLifetime
{
    private static readonly DateOnly s_first = new(2024, 3, 1);
    private readonly TempStore _t = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly ObservedClock _clock = new(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero));
    private FakeAlpacaServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAlpacaServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        _t.Dispose();
    }

    private static List<Bar> History(string symbol, int days) =>
        [.. Enumerable.Range(0, days).SelectMany(d => TempStore.Minutes(symbol, s_first.AddDays(d), 390, 100m + d, startHour: 13, startMinute: 30))];

    private AlpacaRestClient Client() => new(_http, new AlpacaRestOptions
    {
        BaseAddress = _server.HttpBase,
        Credentials = new AlpacaCredentials("test-key", "test-secret"),
        Clock = _clock,
    });

    [Fact]
    public async Task Chunked_paginated_download_survives_429s_and_stores_every_day()
    {
        var aapl = History("AAPL", 5);
        var msft = History("MSFT", 5);
        _server.Rest.AddBars("AAPL", aapl);
        _server.Rest.AddBars("MSFT", msft);
        _server.Rest.RetryAfterSeconds = 3;
        _server.Rest.FailNext(2);
        var statuses = new List<DownloadStatus>();
        var request = new DownloadRequest(["AAPL", "MSFT"], s_first, s_first.AddDays(4)) { ChunkDays = 2, PageLimit = 500 };
        var download = new HistoryDownloader(Client(), _t.Store).DownloadAsync(request, new Sync<DownloadStatus>(statuses.Add));

        Assert.Equal(TimeSpan.FromSeconds(3), await _clock.WaitForTimerAsync(TimeSpan.Zero)); // first 429: waits Retry-After on the clock
        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.FromSeconds(3), await _clock.WaitForTimerAsync(TimeSpan.Zero)); // second 429
        Assert.False(download.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(3));
        var summary = await download.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, _server.Rest.RejectedCount);
        Assert.Equal(10, summary.Days);
        Assert.Equal(3900, summary.Bars);
        // chunks of 2, 2 and 1 days: 780 bars = 2 pages of 500, 390 bars = 1 page; per symbol 5 pages
        Assert.Equal(10, summary.Pages);
        Assert.Equal(12, _server.Rest.Requests.Count);
        Assert.Contains(_server.Rest.Requests, r => r.Contains("page_token=500", StringComparison.Ordinal));
        Assert.Equal(6, statuses[^1].ChunksDone);
        Assert.Equal(6, statuses[^1].ChunksTotal);

        var from = s_first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        Assert.Equal(aapl, _t.Store.Select("AAPL", from, from.AddDays(5)).ToBars());
        Assert.Equal(msft, _t.Store.Select("MSFT", from, from.AddDays(5)).ToBars());
        Assert.All(Enumerable.Range(0, 5), d => Assert.Single(_t.Store.Versions("AAPL", s_first.AddDays(d))));
    }

    [Fact]
    public async Task Downloading_again_makes_a_correction_a_new_version()
    {
        _server.Rest.AddBars("AAPL", History("AAPL", 1));
        var request = new DownloadRequest(["AAPL"], s_first, s_first);
        await new HistoryDownloader(Client(), _t.Store).DownloadAsync(request);
        _t.Clock.Advance(TimeSpan.FromDays(1));
        await new HistoryDownloader(Client(), _t.Store).DownloadAsync(request);
        var versions = _t.Store.Versions("AAPL", s_first);
        Assert.Equal(2, versions.Count);
        Assert.NotNull(versions[0].RecordedTo);
        Assert.StartsWith("alpaca download", _t.Store.Audit("AAPL", s_first)[1].Reason, StringComparison.Ordinal);
    }

    private sealed class Sync<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
