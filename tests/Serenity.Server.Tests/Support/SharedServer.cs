namespace Serenity.Server.Tests.Support;

/// <summary>One node shared by the tests of the "server" collection (each test uses its own users).</summary>
public sealed class SharedServer : IAsyncLifetime
{
    /// <summary>The admin token the shared node accepts.</summary>
    public const string AdminToken = "admin-test-token";

    private TestServer? _server;

    /// <summary>The node.</summary>
    public TestServer Server => _server ?? throw new InvalidOperationException("not started");

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await TestServer.StartAsync(adminToken: AdminToken);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>The collection of tests that share one node.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<SharedServer>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "server";
}
