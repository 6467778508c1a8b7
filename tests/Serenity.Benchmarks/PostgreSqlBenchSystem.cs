using Serenity.Actors;
using Serenity.Hocon;
using Serenity.TestSupport.PostgreSql;
using PersistenceExtension = Serenity.Persistence.Persistence;

namespace Serenity.Benchmarks;

/// <summary>
/// An actor system persisting to a throw-away PostgreSQL server on loopback (the tests' server, with
/// PostgreSQL's durable defaults: fsync and synchronous commit on), stopped and removed on dispose.
/// </summary>
internal sealed class PostgreSqlBenchSystem : IPersistenceBenchSystem
{
    private readonly TemporaryPostgreSqlServer _server;

    private PostgreSqlBenchSystem(TemporaryPostgreSqlServer server, string connectionString)
    {
        _server = server;
        var connection = connectionString.Replace("\"", "\\\"", StringComparison.Ordinal);
        System = ActorSystem.Create("bench", ConfigurationFactory.ParseString($$"""
            serenity.stdout-loglevel = WARNING
            serenity.persistence.journal { plugin = postgresql, postgresql.connection-string = "{{connection}}" }
            serenity.persistence.snapshot-store { plugin = postgresql, postgresql.connection-string = "{{connection}}" }
            """));
        PersistenceExtension.Get(System).Serialization.Register("bench-tick.v1", BenchJson.Default.Tick);
    }

    public ActorSystem System { get; }

    /// <summary>Starts a server with an empty database (fails with the reason where no server can run).</summary>
    public static PostgreSqlBenchSystem Start()
    {
        var server = TemporaryPostgreSqlServer.StartAsync(durable: true).GetAwaiter().GetResult();
        try
        {
            return new PostgreSqlBenchSystem(server, server.CreateDatabaseAsync("bench").GetAwaiter().GetResult());
        }
        catch
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    public void Dispose()
    {
        System.Dispose(); // terminates, which flushes and closes the journal
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
