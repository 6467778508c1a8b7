using Serenity.TestSupport.PostgreSql;
using Serenity.TestSupport.RabbitMq;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Serenity.Tests.Shared;

/// <summary>
/// One throw-away PostgreSQL server and one RabbitMQ node for the test run (started together, stopped
/// at the end whether tests passed or not). Tests isolate themselves with a cluster name and a schema
/// of their own (<see cref="NewName"/>).
/// </summary>
public sealed class ClusterServers : IAsyncLifetime
{
    private readonly IMessageSink _diagnostics;
    private TemporaryPostgreSqlServer? _postgres;
    private TemporaryRabbitMqServer? _rabbit;
    private string? _postgresConnection;
    private int _names;

    /// <summary>Created by xunit.</summary>
    public ClusterServers(IMessageSink diagnostics) => _diagnostics = diagnostics;

    /// <summary>The test database's connection string.</summary>
    public string PostgresConnection => _postgresConnection ?? throw new InvalidOperationException("the servers are not started");

    /// <summary>The broker's AMQP URI.</summary>
    public string RabbitMqUri => _rabbit?.Uri ?? throw new InvalidOperationException("the servers are not started");

    /// <summary>A lower-case name no other test uses (cluster name, schema).</summary>
    public string NewName(string prefix) => $"{prefix}{Interlocked.Increment(ref _names)}x{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 20)];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (ClusterTestEnvironment.SkipReason is { } reason)
        {
            Log(reason);
            return;
        }
        try
        {
            var postgres = TemporaryPostgreSqlServer.StartAsync(durable: false, Log);
            var rabbit = TemporaryRabbitMqServer.StartAsync(line => Log("[rabbitmq] " + line));
            await Task.WhenAll(postgres, rabbit).ConfigureAwait(false);
            _postgres = postgres.Result;
            _rabbit = rabbit.Result;
            _postgresConnection = await _postgres.CreateDatabaseAsync("serenity_cluster_test").ConfigureAwait(false);
        }
        catch (Exception e) when (e is PostgreSqlUnavailableException or RabbitMqUnavailableException)
        {
            throw new InvalidOperationException($"CI=true requires PostgreSQL and RabbitMQ, and one cannot be started: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_rabbit is not null) await _rabbit.DisposeAsync().ConfigureAwait(false);
        if (_postgres is not null) await _postgres.DisposeAsync().ConfigureAwait(false);
    }

    private void Log(string line) => _diagnostics.OnMessage(new DiagnosticMessage("[cluster] " + line));
}
