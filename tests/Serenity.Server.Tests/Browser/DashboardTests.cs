using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Serenity.Server.Tests.Browser;

/// <summary>
/// The dashboard in headless Chromium against a real node with a simulated market: log in, watch prices
/// move, buy and see the position and P/L update, see the server's validation error, view the charts, and
/// analyse the live tables in Perspective. Every wait is on a page condition, bounded by
/// <see cref="DashboardFixture.StepTimeout"/>.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class DashboardTests(DashboardFixture fixture, ITestOutputHelper output)
{
    private const string Password = "correct horse battery";

    [GeneratedRegex("^[1-9][0-9]*$")]
    private static partial Regex Positive();

    private static string Money(decimal value) => (value < 0 ? "-$" : "$") + Math.Abs(value).ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>Runs a test body on a fresh page; a failure leaves a screenshot and the page's script errors in the output.</summary>
    private async Task OnPageAsync(string name, Func<DashboardPage, Task> body)
    {
        await using var page = await fixture.NewPageAsync();
        try
        {
            await body(page);
            page.AssertNoScriptErrors();
        }
        catch
        {
            output.WriteLine($"screenshot: {await page.ScreenshotAsync(name)}");
            foreach (var error in page.ScriptErrors) output.WriteLine($"script error: {error}");
            throw;
        }
    }

    [BrowserFact(Timeout = 60_000)]
    public Task The_login_page_rejects_a_wrong_password_then_signs_in_to_the_live_dashboard() => OnPageAsync("login", async page =>
    {
        var user = await page.RegisterAsync(Password);
        await page.Page.GotoAsync("/");
        await Expect(page.Page).ToHaveURLAsync(new Regex("/login\\.html"));

        await page.ByTestId("login-user").FillAsync(user);
        await page.ByTestId("login-password").FillAsync("not the password");
        await page.ByTestId("login-submit").ClickAsync();
        await Expect(page.ByTestId("login-error")).ToBeVisibleAsync();
        await Expect(page.ByTestId("login-error")).ToContainTextAsync("invalid credentials");

        await page.ByTestId("login-password").FillAsync(Password);
        await page.ByTestId("login-submit").ClickAsync();
        await Expect(page.Page).Not.ToHaveURLAsync(new Regex("login\\.html"));
        await Expect(page.ByTestId("user-id")).ToHaveTextAsync(user);
        await Expect(page.ByTestId("conn-status")).ToHaveAttributeAsync("data-state", "live");
        await Expect(page.ByTestId("account-cash")).ToHaveTextAsync("$100,000.00");
        await Expect(page.ByTestId("positions-empty")).ToBeVisibleAsync();

        // Signing out ends the session: the dashboard sends the browser back to the login page.
        await page.ByTestId("logout").ClickAsync();
        await Expect(page.Page).ToHaveURLAsync(new Regex("/login\\.html"));
        await page.Page.GotoAsync("/");
        await Expect(page.Page).ToHaveURLAsync(new Regex("/login\\.html"));
    });

    [BrowserFact(Timeout = 60_000)]
    public Task The_watchlist_shows_every_symbol_and_its_prices_move_live() => OnPageAsync("watchlist", async page =>
    {
        await page.SignInAsNewUserAsync();
        foreach (var s in JsonDocumentSymbols(await page.Server.Client.GetAsync("/api/symbols", await TokenAsync(page))))
        {
            await Expect(page.ByTestId($"watch-row-{s}")).ToBeVisibleAsync();
        }

        var bid = page.WatchCell("AAPL", "bid");
        await Expect(bid).ToHaveTextAsync(new Regex("^[0-9,]+\\.[0-9]{2}$"));
        var first = await bid.TextContentAsync();
        var ticks = await page.ByTestId("watch-row-AAPL").GetAttributeAsync("data-ticks");
        // Prices move: the same cell shows a different bid, pushed over the WebSocket.
        await Expect(bid).Not.ToHaveTextAsync(first!);
        await Expect(page.ByTestId("watch-row-AAPL")).Not.ToHaveAttributeAsync("data-ticks", ticks!);
        await Expect(page.WatchCell("AAPL", "live").Locator(".live-dot")).ToHaveAttributeAsync("data-live", "live");
        await Expect(page.WatchCell("AAPL", "timestamp")).ToHaveTextAsync(new Regex("^[0-9]{2}:[0-9]{2}:[0-9]{2}$"));
        await Expect(page.WatchCell("AAPL", "last")).ToHaveTextAsync(new Regex("^[0-9,]+\\.[0-9]{2}$"));
    });

    [BrowserFact(Timeout = 60_000)]
    public Task Buying_shows_the_fill_the_position_and_its_unrealized_pl_updating_live() => OnPageAsync("buy", async page =>
    {
        await page.SignInAsNewUserAsync();
        await page.ByTestId("ticket-symbol").SelectOptionAsync("AAPL");
        await page.ByTestId("ticket-side-buy").ClickAsync();
        await page.ByTestId("ticket-quantity").FillAsync("5");
        await Expect(page.ByTestId("ticket-submit")).ToHaveTextAsync("Buy AAPL");
        await page.ByTestId("ticket-submit").ClickAsync();

        await Expect(page.ByTestId("ticket-status")).ToBeVisibleAsync();
        await Expect(page.ByTestId("ticket-status")).ToContainTextAsync("Bought 5 AAPL @");
        await Expect(page.ByTestId("ticket-error")).ToBeHiddenAsync();

        // The position appears, valued at the live quote.
        await Expect(page.PositionCell("AAPL", "quantity")).ToHaveTextAsync("5");
        await Expect(page.ByTestId("account-positions")).ToHaveTextAsync("1");
        await Expect(page.PositionCell("AAPL", "unrealized_pnl")).ToHaveTextAsync(new Regex("^([+-]\\$|\\$)[0-9,]+\\.[0-9]{2}$"));

        // Cash is what the server says it is after the fill.
        var account = await page.Server.Client.GetAsync("/api/account", await TokenAsync(page));
        var cash = account.Json.GetProperty("cash").GetDecimal();
        Assert.True(cash < 100_000m, $"cash {cash} after a buy");
        await Expect(page.ByTestId("account-cash")).ToHaveTextAsync(Money(cash));

        // The fill is in the trade history.
        await page.ByTestId("subtab-trades").ClickAsync();
        await Expect(page.ByTestId("trades").Locator("tbody tr[data-symbol='AAPL']")).ToHaveCountAsync(1);

        // Unrealized P/L follows the market: the cell changes as quotes arrive.
        var pl = page.PositionCell("AAPL", "unrealized_pnl");
        var before = await pl.TextContentAsync();
        await Expect(pl).Not.ToHaveTextAsync(before!);
        var equity = page.ByTestId("account-equity");
        var equityBefore = await equity.TextContentAsync();
        await Expect(equity).Not.ToHaveTextAsync(equityBefore!);
    });

    [BrowserFact(Timeout = 60_000)]
    public Task A_bad_order_shows_the_servers_validation_error_next_to_the_ticket() => OnPageAsync("validation", async page =>
    {
        await page.SignInAsNewUserAsync();
        var token = await TokenAsync(page);
        var expected = await page.Server.Client.PostAsync(
            "/api/orders", new { symbol = "AAPL", side = "buy", quantity = 0, type = "market", time_in_force = "day" }, token);
        Assert.Equal(HttpStatusCode.BadRequest, expected.Status);
        Assert.Equal("quantity", expected.ErrorField);

        await page.ByTestId("ticket-symbol").SelectOptionAsync("AAPL");
        await page.ByTestId("ticket-quantity").FillAsync("0");
        await page.ByTestId("ticket-submit").ClickAsync();
        var error = page.ByTestId("ticket-error");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToHaveAttributeAsync("data-field", "quantity");
        await Expect(error).ToContainTextAsync("quantity:");
        await Expect(error).ToContainTextAsync(expected.ErrorReason);
        await Expect(page.ByTestId("ticket-quantity")).ToHaveClassAsync(new Regex("\\binvalid\\b"));

        // A limit order without its price names limit_price.
        await page.ByTestId("ticket-quantity").FillAsync("1");
        await page.ByTestId("ticket-type").SelectOptionAsync("limit");
        await page.ByTestId("ticket-limit-price").FillAsync("");
        await page.ByTestId("ticket-submit").ClickAsync();
        await Expect(error).ToHaveAttributeAsync("data-field", "limit_price");
        await Expect(page.ByTestId("ticket-limit-price")).ToHaveClassAsync(new Regex("\\binvalid\\b"));
        await Expect(page.ByTestId("ticket-quantity")).Not.ToHaveClassAsync(new Regex("\\binvalid\\b"));

        // Nothing was bought.
        await Expect(page.ByTestId("positions-empty")).ToBeVisibleAsync();
        await Expect(page.ByTestId("account-cash")).ToHaveTextAsync("$100,000.00");
    });

    [BrowserFact(Timeout = 60_000)]
    public Task The_price_chart_draws_candles_and_follows_the_chosen_symbol_and_bucket() => OnPageAsync("chart", async page =>
    {
        await page.SignInAsNewUserAsync();
        var chart = page.ByTestId("price-chart");
        await Expect(chart).ToHaveAttributeAsync("data-symbol", "AAPL");
        await Expect(chart).ToHaveAttributeAsync("data-state", "ready");
        await Expect(chart).ToHaveAttributeAsync("data-candles", Positive());
        await Expect(chart.Locator("canvas").First).ToBeVisibleAsync();
        await Expect(page.ByTestId("chart-legend")).ToContainTextAsync("AAPL");

        await page.ByTestId("chart-symbol").SelectOptionAsync("MSFT");
        await Expect(chart).ToHaveAttributeAsync("data-symbol", "MSFT");
        await Expect(chart).ToHaveAttributeAsync("data-state", "ready");
        await Expect(chart).ToHaveAttributeAsync("data-candles", Positive());
        await Expect(page.ByTestId("chart-legend")).ToContainTextAsync("MSFT");
        await Expect(page.ByTestId("ticket-symbol")).ToHaveValueAsync("MSFT");

        await page.ByTestId("chart-bucket").Locator("button[data-bucket='5']").ClickAsync();
        await Expect(chart).ToHaveAttributeAsync("data-bucket", "5");
        await Expect(chart).ToHaveAttributeAsync("data-state", "ready");
        await Expect(chart).ToHaveAttributeAsync("data-candles", Positive());
        await page.ByTestId("chart-range").Locator("button[data-range='1440']").ClickAsync();
        await Expect(chart).ToHaveAttributeAsync("data-state", "ready");

        // The portfolio value chart is drawn too.
        await Expect(page.ByTestId("equity-chart").Locator("canvas").First).ToBeVisibleAsync();
    });

    [BrowserFact(Timeout = 90_000)]
    public Task The_analysis_view_pivots_computes_charts_and_exports_the_live_tables() => OnPageAsync("analysis", async page =>
    {
        await page.SignInAsNewUserAsync();
        await page.ByTestId("ticket-symbol").SelectOptionAsync("AAPL");
        await page.ByTestId("ticket-quantity").FillAsync("4");
        await page.ByTestId("ticket-submit").ClickAsync();
        await Expect(page.PositionCell("AAPL", "quantity")).ToHaveTextAsync("4");

        await page.ByTestId("tab-analysis").ClickAsync();
        await Expect(page.ByTestId("analysis-status")).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 45_000 });
        var viewer = page.ByTestId("analysis-viewer");
        await Expect(viewer).ToHaveAttributeAsync("data-table", "holdings");

        // value = quantity x price, computed by Perspective over the live holdings table.
        await page.ByTestId("preset-value").ClickAsync();
        await Expect(viewer).ToHaveAttributeAsync("data-config", new Regex("\"value\""));
        var row = await page.Page.EvaluateAsync<JsonElement>("""
            async () => {
              const view = await document.querySelector("perspective-viewer").getView();
              const cols = await view.to_columns();
              return { symbol: cols.symbol[0], quantity: cols.quantity[0], price: cols.market_price[0], value: cols.value[0] };
            }
            """);
        Assert.Equal("AAPL", row.GetProperty("symbol").GetString());
        Assert.Equal(4d, row.GetProperty("quantity").GetDouble());
        Assert.Equal(row.GetProperty("quantity").GetDouble() * row.GetProperty("price").GetDouble(), row.GetProperty("value").GetDouble(), 6);

        // Pivot by symbol, then export the view as CSV.
        await page.ByTestId("preset-pivot").ClickAsync();
        await Expect(viewer).ToHaveAttributeAsync("data-config", new Regex("\"group_by\":\\[\"symbol\"\\]"));
        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.ByTestId("export-csv").ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("AAPL", csv, StringComparison.Ordinal);
        Assert.Contains("market_value", csv, StringComparison.Ordinal);

        var arrow = await page.Page.RunAndWaitForDownloadAsync(() => page.ByTestId("export-arrow").ClickAsync());
        Assert.EndsWith(".arrow", arrow.SuggestedFilename, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(await arrow.PathAsync());
        // Perspective writes the Arrow IPC stream format: messages behind the 0xFFFFFFFF continuation marker.
        Assert.True(bytes.Length > 8 && bytes.AsSpan(0, 4).SequenceEqual(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }), "an Arrow IPC stream: " + Convert.ToHexString(bytes.AsSpan(0, Math.Min(16, bytes.Length))));

        // Portfolio value over time, split by symbol, as a chart; the quotes table streams.
        await page.ByTestId("preset-value-chart").ClickAsync();
        await Expect(viewer).ToHaveAttributeAsync("data-table", "holdings_history");
        await Expect(viewer).ToHaveAttributeAsync("data-plugin", "Y Area");
        await page.ByTestId("analysis-quotes").ClickAsync();
        await Expect(viewer).ToHaveAttributeAsync("data-table", "quotes");
        var first = await QuoteRowsAsync(page);
        Assert.True(first > 0, "the quotes table holds the session's quotes");
        await page.Page.WaitForFunctionAsync(
            "async n => (await (await document.querySelector('perspective-viewer').getTable()).size()) > n",
            first,
            new PageWaitForFunctionOptions { PollingInterval = 100 });
    });

    private static Task<double> QuoteRowsAsync(DashboardPage page) =>
        page.Page.EvaluateAsync<double>("async () => (await (await document.querySelector('perspective-viewer').getTable()).size())");

    private static async Task<string> TokenAsync(DashboardPage page) =>
        await page.Page.EvaluateAsync<string>("() => JSON.parse(localStorage.getItem('serenity.session')).token");

    private static IEnumerable<string> JsonDocumentSymbols(Support.ApiResponse answer) =>
        answer.Json.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()!).ToList();
}
