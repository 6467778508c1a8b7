using System.Net;
using Serenity.MarketData;
using Serenity.Server.Tests.Support;

namespace Serenity.Server.Tests.Http;

[Collection(ServerCollection.Name)]
public sealed class MarketTests(SharedServer shared)
{
    private ApiClient Client => shared.Server.Client;

    [Fact]
    public async Task Symbols_and_quotes_come_from_the_configured_market()
    {
        var token = await Client.RegisterAndLoginAsync(ApiClient.NewUser());
        await TopicSignal.NextAsync<Quote>(shared.Server.Host.System, "quotes.MSFT").WaitAsync(TimeSpan.FromSeconds(10));

        var symbols = await Client.GetAsync("/api/symbols", token);
        Assert.Equal(["AAPL", "MSFT", "AMZN", "TSLA"], symbols.Json.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));

        var quote = await Client.GetAsync("/api/quotes/msft", token);
        Assert.Equal(HttpStatusCode.OK, quote.Status);
        Assert.Equal("MSFT", quote.Json.GetProperty("symbol").GetString());
        Assert.True(quote.Json.GetProperty("ask").GetDecimal() >= quote.Json.GetProperty("bid").GetDecimal());

        var several = await Client.GetAsync("/api/quotes?symbols=AAPL,MSFT", token);
        Assert.Equal(["AAPL", "MSFT"], several.Json.GetProperty("quotes").EnumerateArray().Select(q => q.GetProperty("symbol").GetString()));
    }

    [Fact]
    public async Task Unknown_symbols_and_endpoints_are_404()
    {
        var token = await Client.RegisterAndLoginAsync(ApiClient.NewUser());
        var quote = await Client.GetAsync("/api/quotes/ZZZZ", token);
        Assert.Equal(HttpStatusCode.NotFound, quote.Status);
        Assert.Equal("symbol", quote.ErrorField);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/bars/ZZZZ", token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/nothing-here", token)).Status);
    }

    [Fact]
    public async Task Bars_validate_the_bucket_and_answer_for_a_known_symbol()
    {
        var token = await Client.RegisterAndLoginAsync(ApiClient.NewUser());
        var bad = await Client.GetAsync("/api/bars/AAPL?bucket=7", token);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal("bucket", bad.ErrorField);
        var bars = await Client.GetAsync("/api/bars/AAPL?bucket=5", token);
        Assert.Equal(HttpStatusCode.OK, bars.Status);
        Assert.Equal("AAPL", bars.Json.GetProperty("symbol").GetString());
        Assert.Equal(5, bars.Json.GetProperty("bucket_minutes").GetInt32());
    }

    [Fact]
    public async Task The_watchlist_is_kept_per_user_and_rejects_unknown_symbols()
    {
        var token = await Client.RegisterAndLoginAsync(ApiClient.NewUser());
        var put = await Client.SendAsync(HttpMethod.Put, "/api/watchlist", new { symbols = new[] { "TSLA", "AAPL" } }, token);
        Assert.Equal(HttpStatusCode.OK, put.Status);
        var get = await Client.GetAsync("/api/watchlist", token);
        Assert.Equal(["TSLA", "AAPL"], get.Json.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));
        var bad = await Client.SendAsync(HttpMethod.Put, "/api/watchlist", new { symbols = new[] { "NOPE" } }, token);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal("symbols", bad.ErrorField);
        var other = await Client.RegisterAndLoginAsync(ApiClient.NewUser());
        Assert.DoesNotContain("TSLA", (await Client.GetAsync("/api/watchlist", other)).Body, StringComparison.Ordinal);
    }
}
