using System.Text.RegularExpressions;
using Serenity.Cluster.PubSub;
using Serenity.Risk.Entities;
using Serenity.Risk.Entities.Strategies;
using Serenity.Risk.Strategies;
using static Microsoft.Playwright.Assertions;

namespace Serenity.Server.Tests.Browser;

/// <summary>The Risk and Strategies panels and the signal markers on the price chart.</summary>
public sealed partial class DashboardTests
{
    [GeneratedRegex(@"^\$[1-9][0-9,]*\.[0-9]{2}$")]
    private static partial Regex PositiveMoney();

    [GeneratedRegex(@"^\$[0-9][0-9,]*\.[0-9]{2}$")]
    private static partial Regex AnyMoney();

    [GeneratedRegex(@"^[0-9,]+\.[0-9]{2}%$")]
    private static partial Regex Percent();

    [BrowserFact(Timeout = 60_000)]
    public Task After_a_buy_the_risk_panel_shows_figures_and_a_signal_shows_as_a_chart_marker() => OnPageAsync("risk", async page =>
    {
        var user = await page.SignInAsNewUserAsync();
        await Expect(page.ByTestId("risk-panel")).ToHaveAttributeAsync("data-state", "empty");
        await Expect(page.ByTestId("risk-empty")).ToBeVisibleAsync();

        await page.ByTestId("ticket-symbol").SelectOptionAsync("AAPL");
        await page.ByTestId("ticket-side-buy").ClickAsync();
        await page.ByTestId("ticket-quantity").FillAsync("5");
        await page.ByTestId("ticket-submit").ClickAsync();
        await Expect(page.ByTestId("position-row-AAPL")).ToBeVisibleAsync();

        // Only a "risk" push can turn the panel ready: the page loaded /api/risk before the buy.
        await Expect(page.ByTestId("risk-panel")).ToHaveAttributeAsync("data-state", "ready");
        await Expect(page.ByTestId("risk-empty")).ToBeHiddenAsync();
        await Expect(page.ByTestId("risk-gross")).ToHaveTextAsync(PositiveMoney());
        await Expect(page.ByTestId("risk-gross-pct")).ToHaveTextAsync(Percent());
        await Expect(page.ByTestId("risk-net")).ToHaveTextAsync(PositiveMoney());
        await Expect(page.ByTestId("risk-concentration")).ToHaveTextAsync("AAPL 100.0%");
        await Expect(page.ByTestId("risk-value")).ToHaveTextAsync(PositiveMoney());
        await Expect(page.ByTestId("risk-drawdown")).ToHaveTextAsync(AnyMoney());
        foreach (var key in new[] { "var-historical", "var-parametric", "es-historical", "es-parametric" })
        {
            foreach (var confidence in new[] { "95", "99" })
            {
                await Expect(page.ByTestId($"risk-{key}-{confidence}")).ToHaveTextAsync(AnyMoney());
                await Expect(page.ByTestId($"risk-{key}-{confidence}-pct")).ToHaveTextAsync(Percent());
            }
        }

        // The push proves the socket follows the user's topics: a signal of the charted symbol becomes a marker.
        await Expect(page.ByTestId("price-chart")).ToHaveAttributeAsync("data-symbol", "AAPL");
        await Expect(page.ByTestId("price-chart")).ToHaveAttributeAsync("data-state", "ready");
        var minute = DateTime.UtcNow.AddMinutes(-1);
        var at = new DateTime(minute.Year, minute.Month, minute.Day, minute.Hour, minute.Minute, 0, DateTimeKind.Utc);
        var signal = new SignalView("AAPL", "sma-cross", SignalKind.Entry, at, 5m, "SMA10 crossed above SMA20", "c-1", SignalOrderStatus.Accepted);
        DistributedPubSub.Get(page.Server.Host.System).Publish(RiskTopics.Signals(user), new SignalUpdated(user, signal));
        await Expect(page.ByTestId("price-chart")).ToHaveAttributeAsync("data-markers", "1");
    });

    [BrowserFact(Timeout = 60_000)]
    public Task Enabling_a_strategy_lists_it_and_disabling_turns_it_off() => OnPageAsync("strategies", async page =>
    {
        await page.SignInAsNewUserAsync();
        await Expect(page.ByTestId("strategies-empty")).ToBeVisibleAsync();
        await page.ByTestId("strategy-symbol").SelectOptionAsync("MSFT");
        await page.ByTestId("strategy-quantity").FillAsync("7");
        await page.ByTestId("strategy-enable").ClickAsync();

        var row = page.ByTestId("strategy-row-MSFT");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToHaveAttributeAsync("data-strategy", "sma-cross");
        await Expect(row.Locator("td[data-field='quantity']")).ToHaveTextAsync("7");
        await Expect(row.Locator("td[data-field='state']")).ToHaveTextAsync("watching");
        await Expect(page.ByTestId("strategies-empty")).ToBeHiddenAsync();
        await Expect(page.ByTestId("strategy-error")).ToBeHiddenAsync();

        await page.ByTestId("strategy-disable-MSFT").ClickAsync();
        await Expect(row.Locator("td[data-field='state']")).ToHaveTextAsync("off");
        await Expect(row).ToHaveAttributeAsync("data-enabled", "false");
    });

    [BrowserFact(Timeout = 60_000)]
    public Task The_servers_strategy_validation_error_is_shown_on_its_field() => OnPageAsync("strategy-error", async page =>
    {
        await page.SignInAsNewUserAsync();
        await page.ByTestId("strategy-symbol").SelectOptionAsync("AAPL");
        await page.ByTestId("strategy-quantity").FillAsync("0");
        await page.ByTestId("strategy-enable").ClickAsync();

        var error = page.ByTestId("strategy-error");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToHaveAttributeAsync("data-field", "quantity");
        await Expect(error).ToContainTextAsync("quantity must be greater than zero");
        await Expect(page.ByTestId("strategy-quantity")).ToHaveClassAsync(new Regex("invalid"));
        await Expect(page.ByTestId("strategy-row-AAPL")).ToHaveCountAsync(0);

        // Fixing the field clears the error and enables the strategy.
        await page.ByTestId("strategy-quantity").FillAsync("3");
        await page.ByTestId("strategy-enable").ClickAsync();
        await Expect(page.ByTestId("strategy-row-AAPL")).ToBeVisibleAsync();
        await Expect(error).ToBeHiddenAsync();
        await Expect(page.ByTestId("strategy-quantity")).Not.ToHaveClassAsync(new Regex("invalid"));
    });
}
