using Serenity.Actors;
using Serenity.Hocon;
using PersistenceExtension = Serenity.Persistence.Persistence;

namespace Serenity.Benchmarks;

/// <summary>An actor system persisting to a SQLite file (default, durable settings) in a temp folder removed on dispose.</summary>
internal sealed class SqliteBenchSystem : IPersistenceBenchSystem
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("serenity-bench-");

    public SqliteBenchSystem()
    {
        var path = Path.Combine(_folder.FullName, "serenity.db").Replace("\\", "\\\\", StringComparison.Ordinal);
        System = ActorSystem.Create("bench", ConfigurationFactory.ParseString($$"""
            serenity.stdout-loglevel = WARNING
            serenity.persistence.journal { plugin = sqlite, sqlite.path = "{{path}}" }
            serenity.persistence.snapshot-store { plugin = sqlite, sqlite.path = "{{path}}" }
            """));
        PersistenceExtension.Get(System).Serialization.Register("bench-tick.v1", BenchJson.Default.Tick);
    }

    public ActorSystem System { get; }

    public void Dispose()
    {
        System.Dispose(); // terminates, which closes the journal's file
        _folder.Delete(recursive: true);
    }
}
