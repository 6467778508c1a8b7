using Serenity.Tests.Shared;
using System.Net;
using Serenity.MarketData.Alpaca;
using Serenity.MarketData.Alpaca.Rest;
using Serenity.MarketData.FakeAlpaca;
using Serenity.MarketData.Tests.Support;

namespace Serenity.MarketData.Tests.Alpaca;

public sealed class AlpacaRestClientTests : IAsyncLifetime
{
    private static readonly DateTime s_start = new(2024, 2, 22, 14, 30, 0, DateTimeKind.Utc);
    private readonly ObservedClock _clock = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private FakeAlpacaServer _server = null!;
    private AlpacaRestClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeAlpacaServer.StartAsync();
        _client = NewClient(200);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private AlpacaRestClient NewClient(int perMinute, string secret = "test-secret") => new(_http, new AlpacaRestOptions
    {
        BaseAddress = _server.HttpBase,
        Credentials = new AlpacaCredentials("test-key", secret),
        Clock = _clock,
        RequestsPerMinute = perMinute,
    });

    private static List<Bar> Minutes(string symbol, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new Bar(symbol, s_start.AddMinutes(i), 100 + i, 101 + i, 99 + i, 100.5m + i, 1000 + i, 10 + i, 100.25m + i))];

    private static BarsRequest Request(params string[] symbols) =>
        new(symbols, BarTimeframe.OneMinute, s_start, s_start.AddDays(10)) { PageLimit = 1000, Feed = DataFeed.Iex, Adjustment = BarAdjustment.Split };

    [Fact]
    public async Task Single_symbol_bars_follow_page_tokens_to_the_end_and_report_progress()
    {
        var bars = Minutes("AAPL", 2500);
        _server.Rest.AddBars("AAPL", bars);
        var progress = new List<DownloadProgress>();
        var got = await _client.GetAllBarsAsync(Request("AAPL"), new SynchronousProgress<DownloadProgress>(progress.Add));
        Assert.Equal(bars, got);
        Assert.Equal([1000L, 2000L, 2500L], progress.Select(p => p.Bars));
        Assert.Equal(3, progress[^1].Pages);
        Assert.Equal(bars[^1].Timestamp, progress[^1].LastTimestamp);
        var requests = _server.Rest.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Contains("timeframe=1Min", r, StringComparison.Ordinal));
        Assert.Contains("feed=iex", requests[0], StringComparison.Ordinal);
        Assert.Contains("adjustment=split", requests[0], StringComparison.Ordinal);
        Assert.Contains("page_token=2000", requests[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Multi_symbol_bars_are_paged_across_symbols()
    {
        _server.Rest.AddBars("AAPL", Minutes("AAPL", 700));
        _server.Rest.AddBars("TSLA", Minutes("TSLA", 700));
        var got = await _client.GetAllBarsAsync(Request("AAPL", "TSLA"));
        Assert.Equal(700, got.Count(b => b.Symbol == "AAPL"));
        Assert.Equal(700, got.Count(b => b.Symbol == "TSLA"));
        Assert.Equal(2, _server.Rest.Requests.Count);
        Assert.StartsWith("/v2/stocks/bars?symbols=AAPL%2CTSLA", _server.Rest.Requests[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_waits_for_retry_after_on_the_clock_then_retries_and_pagination_goes_on()
    {
        _server.Rest.AddBars("AAPL", Minutes("AAPL", 1500));
        _server.Rest.RetryAfterSeconds = 7;
        _server.Rest.FailNext(1);
        var download = _client.GetAllBarsAsync(Request("AAPL"));
        Assert.Equal(TimeSpan.FromSeconds(7), await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(1)));
        Assert.False(download.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(7));
        Assert.Equal(1500, (await download.WaitAsync(ChannelWaits.Default)).Count);
        Assert.Equal(1, _server.Rest.RejectedCount);
        Assert.Equal(3, _server.Rest.Requests.Count);
    }

    [Fact]
    public async Task Too_many_429s_give_up_with_the_status()
    {
        var client = new AlpacaRestClient(_http, new AlpacaRestOptions
        {
            BaseAddress = _server.HttpBase,
            Credentials = new AlpacaCredentials("test-key", "test-secret"),
            Clock = _clock,
            MaxRetries = 0,
        });
        _server.Rest.FailNext(1);
        var error = await Assert.ThrowsAsync<AlpacaRestException>(() => client.GetLatestQuoteAsync("AAPL"));
        Assert.Equal(HttpStatusCode.TooManyRequests, error.Status);
    }

    [Fact]
    public async Task The_request_rate_stays_under_the_limit_per_minute()
    {
        _server.Rest.AddBars("AAPL", Minutes("AAPL", 50));
        var client = NewClient(perMinute: 3);
        var request = Request("AAPL") with { PageLimit = 10 };
        var download = client.GetAllBarsAsync(request);
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(59)); // the 4th request waits for the 1st to leave the window
        Assert.Equal(3, _server.Rest.Requests.Count);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(50, (await download.WaitAsync(ChannelWaits.Default)).Count);
        Assert.Equal(5, _server.Rest.Requests.Count);
    }

    [Fact]
    public async Task Latest_quotes_one_and_many()
    {
        var t = s_start.AddTicks(1234567);
        _server.Rest.SetLatestQuote(new Quote("AAPL", t, 185.1m, 2, 185.2m, 3, 'Q', 'P', new Conditions(["R"]), 'C'));
        _server.Rest.SetLatestQuote(new Quote("TSLA", t, 200m, 1, 200.5m, 1));
        var aapl = await _client.GetLatestQuoteAsync("AAPL", DataFeed.Sip);
        Assert.Equal(new Quote("AAPL", t, 185.1m, 2, 185.2m, 3, 'Q', 'P', new Conditions(["R"]), 'C'), aapl);
        Assert.Contains("feed=sip", _server.Rest.Requests[^1], StringComparison.Ordinal);
        var many = await _client.GetLatestQuotesAsync(["AAPL", "TSLA", "NONE"]);
        Assert.Equal(["AAPL", "TSLA"], many.Keys.Order());
        Assert.Null(await _client.GetLatestQuoteAsync("NONE"));
    }

    [Fact]
    public async Task Bad_credentials_give_403()
    {
        var error = await Assert.ThrowsAsync<AlpacaRestException>(() => NewClient(200, "wrong").GetLatestQuoteAsync("AAPL"));
        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
    }

    [Fact]
    public void Timeframes_are_validated_and_named_as_the_api_does()
    {
        Assert.Equal("15Min", new BarTimeframe(15, TimeframeUnit.Minute).ToString());
        Assert.Equal("3Month", new BarTimeframe(3, TimeframeUnit.Month).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new BarTimeframe(60, TimeframeUnit.Minute));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BarTimeframe(2, TimeframeUnit.Day));
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
