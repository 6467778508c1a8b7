using Serenity.Server.Hosting;

namespace Serenity.Server.Tests.Support;

/// <summary>A real node on a free 127.0.0.1 port with its own temp data folder; disposing shuts it down gracefully.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly TempDirectory? _ownedDirectory;

    private TestServer(SerenityHost host, TempDirectory? ownedDirectory)
    {
        Host = host;
        _ownedDirectory = ownedDirectory;
        Client = new ApiClient(host.BaseAddress);
    }

    /// <summary>The node.</summary>
    public SerenityHost Host { get; }

    /// <summary>An HTTP client for the node.</summary>
    public ApiClient Client { get; }

    /// <summary>Starts a node on <paramref name="dataDirectory"/> (a fresh temp folder when null) with <paramref name="extraHocon"/>.</summary>
    public static async Task<TestServer> StartAsync(string? extraHocon = null, string? dataDirectory = null, string? adminToken = null)
    {
        var owned = dataDirectory is null ? new TempDirectory() : null;
        var options = SerenityHostOptions.ForTesting(dataDirectory ?? owned!.Path, extraHocon) with { TokenSecret = "test-secret", AdminToken = adminToken };
        var host = await SerenityHost.StartAsync(options).WaitAsync(TimeSpan.FromSeconds(30));
        return new TestServer(host, owned);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        _ownedDirectory?.Dispose();
    }
}
