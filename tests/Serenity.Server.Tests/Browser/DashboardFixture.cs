using Microsoft.Playwright;
using Serenity.Server.Tests.Support;

namespace Serenity.Server.Tests.Browser;

/// <summary>
/// One Serenity node (simulated market) and one headless Chromium shared by the dashboard tests; every test
/// opens its own browser context (fresh storage, so its own login) and registers its own user.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    /// <summary>How long a single page condition may take before the test fails.</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(20);

    private TestServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The node.</summary>
    public TestServer Server => _server ?? throw new InvalidOperationException("not started");

    /// <summary>The browser.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("not started");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (BrowserEnvironment.SkipReason is not null) return;
        if (!File.Exists(BrowserEnvironment.ChromiumPath))
        {
            throw new InvalidOperationException(
                $"CI=true but there is no Chromium at {BrowserEnvironment.ChromiumPath}: install Debian's chromium package (.ci/run does).");
        }
        var server = TestServer.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserEnvironment.ChromiumPath,
            Headless = true,
            Args = BrowserEnvironment.Arguments,
            Timeout = 30_000,
        });
        _server = await server;
    }

    /// <summary>A page in a fresh context (no stored session), with bounded waits and its script errors collected.</summary>
    public async Task<DashboardPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            AcceptDownloads = true,
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout((float)StepTimeout.TotalMilliseconds);
        var page = await context.NewPageAsync();
        return new DashboardPage(context, page, Server);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>The collection of browser tests that share one node and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "dashboard";
}
