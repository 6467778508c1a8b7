using Microsoft.Playwright;
using Serenity.Server.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Serenity.Server.Tests.Browser;

/// <summary>A dashboard tab in its own browser context, with the steps the tests share.</summary>
public sealed class DashboardPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _scriptErrors = [];

    internal DashboardPage(IBrowserContext context, IPage page, TestServer server)
    {
        _context = context;
        Page = page;
        Server = server;
        page.PageError += (_, error) => { lock (_scriptErrors) _scriptErrors.Add(error); };
    }

    /// <summary>The page.</summary>
    public IPage Page { get; }

    /// <summary>The node it talks to.</summary>
    public TestServer Server { get; }

    /// <summary>Uncaught script errors so far.</summary>
    public IReadOnlyList<string> ScriptErrors
    {
        get { lock (_scriptErrors) return [.. _scriptErrors]; }
    }

    /// <summary>An element by its data-testid.</summary>
    public ILocator ByTestId(string id) => Page.GetByTestId(id);

    /// <summary>Registers a fresh user through the API; returns its id.</summary>
    public async Task<string> RegisterAsync(string password)
    {
        var user = ApiClient.NewUser("web");
        var answer = await Server.Client.PostAsync("/api/register", new { user_id = user, password });
        Assert.Equal(System.Net.HttpStatusCode.Created, answer.Status);
        return user;
    }

    /// <summary>Opens the dashboard (redirected to the login page), signs in and waits for the live connection.</summary>
    public async Task SignInAsync(string user, string password)
    {
        await Page.GotoAsync("/");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\.html"));
        await ByTestId("login-user").FillAsync(user);
        await ByTestId("login-password").FillAsync(password);
        await ByTestId("login-submit").ClickAsync();
        await Expect(ByTestId("user-id")).ToHaveTextAsync(user);
        await Expect(ByTestId("conn-status")).ToHaveAttributeAsync("data-state", "live");
    }

    /// <summary>Registers a fresh user and signs in; returns the user id.</summary>
    public async Task<string> SignInAsNewUserAsync()
    {
        const string password = "correct horse battery";
        var user = await RegisterAsync(password);
        await SignInAsync(user, password);
        return user;
    }

    /// <summary>A watchlist cell.</summary>
    public ILocator WatchCell(string symbol, string field) => ByTestId($"watch-row-{symbol}").Locator($"td[data-field='{field}']");

    /// <summary>A positions cell.</summary>
    public ILocator PositionCell(string symbol, string field) => ByTestId($"position-row-{symbol}").Locator($"td[data-field='{field}']");

    /// <summary>Fails the test when the page threw a script error.</summary>
    public void AssertNoScriptErrors() => Assert.Empty(ScriptErrors);

    /// <summary>Saves a screenshot next to the test output (for a failing test's report); returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"serenity-dashboard-{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
