using Serenity.TestSupport.PostgreSql;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Serenity.Persistence.PostgreSql.Tests.Fixture;

/// <summary>
/// Starts one throw-away PostgreSQL server for the test run (see <see cref="TemporaryPostgreSqlServer"/>)
/// with a database for the tests, and stops it at the end, whether tests passed or failed. Each test
/// takes a schema of its own (<see cref="NewSchema"/>), so tests never see each other's rows.
/// </summary>
public sealed class PostgreSqlFixture : IAsyncLifetime
{
    private const int MaxIdentifierLength = 63;
    private readonly IMessageSink _diagnostics;
    private TemporaryPostgreSqlServer? _server;
    private string? _connectionString;
    private string? _unavailable;
    private int _schemas;

    /// <summary>Created by xunit.</summary>
    public PostgreSqlFixture(IMessageSink diagnostics) => _diagnostics = diagnostics;

    /// <summary>The test database's connection string.</summary>
    public string ConnectionString => _connectionString
        ?? throw new InvalidOperationException(_unavailable ?? "the PostgreSQL fixture is not started");

    /// <summary>A schema name no other test uses (created by the stores on initialization).</summary>
    public string NewSchema(string prefix = "t")
    {
        var name = $"{prefix}_{Interlocked.Increment(ref _schemas)}_{Guid.NewGuid():N}";
        return name.Length <= MaxIdentifierLength ? name : name[..MaxIdentifierLength];
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        try
        {
            _server = await TemporaryPostgreSqlServer.StartAsync(durable: false, Log).ConfigureAwait(false);
            _connectionString = await _server.CreateDatabaseAsync("serenity_test").ConfigureAwait(false);
        }
        catch (PostgreSqlUnavailableException e) when (!PostgreSqlTestEnvironment.IsCi)
        {
            // The tests are discovered as skipped (PostgreSqlTestFramework); nothing to start.
            _unavailable = e.Message;
            Log($"PostgreSQL tests are skipped: {e.Message} (with CI=true they fail)");
        }
        catch (PostgreSqlUnavailableException e)
        {
            throw new InvalidOperationException($"CI=true requires a PostgreSQL server, and none can be started: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync().ConfigureAwait(false);
    }

    private void Log(string line) => _diagnostics.OnMessage(new DiagnosticMessage("[postgresql] " + line));
}
