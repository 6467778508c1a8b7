namespace Serenity.Server.Tests.Browser;

/// <summary>
/// Where the dashboard's browser tests find Chromium: Debian's <c>chromium</c> package (installed by .ci/run),
/// never a browser Playwright downloads. Without it the tests are skipped with the reason, except in CI
/// (<c>CI=true</c>), where they run and fail: CI must test the dashboard in a real browser.
/// </summary>
internal static class BrowserEnvironment
{
    /// <summary>The Chromium the tests drive (override with SERENITY_CHROMIUM).</summary>
    public static string ChromiumPath { get; } = Environment.GetEnvironmentVariable("SERENITY_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>True when the environment variable CI is "true".</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the browser tests are skipped here, or null when they run.</summary>
    public static string? SkipReason { get; } = IsCi || File.Exists(ChromiumPath)
        ? null
        : $"Browser tests skipped: no Chromium at {ChromiumPath} (Debian: apt-get install chromium; .ci/run installs it). With CI=true this is a failure.";

    /// <summary>
    /// Chromium's switches: headless, no sandbox (containers run as root), no GPU, and nothing that talks to
    /// the network behind the test's back. Playwright gives every launch a fresh temporary user-data dir.
    /// </summary>
    public static readonly string[] Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
    ];
}

/// <summary>A browser test: skipped with the reason where no Chromium is installed (never in CI).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserFactAttribute : FactAttribute
{
    /// <summary>Marks the test skipped when <see cref="BrowserEnvironment.SkipReason"/> says so.</summary>
    public BrowserFactAttribute()
    {
        if (BrowserEnvironment.SkipReason is { } reason) Skip = reason;
    }
}
