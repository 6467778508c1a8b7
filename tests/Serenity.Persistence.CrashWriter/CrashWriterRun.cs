using Serenity.Actors;
using Serenity.Hocon;

namespace Serenity.Persistence.CrashWriter;

/// <summary>Starts the system and the writers, and ends after the maximum run time.</summary>
internal static class CrashWriterRun
{
    public static async Task RunAsync(CrashWriterOptions options)
    {
        // Logs go to stdout too; the test reads only the "ack" lines.
        var config = ConfigurationFactory.ParseString(options.PluginConfig + "\nserenity.stdout-loglevel = ERROR", "command line");
        using var system = ActorSystem.Create("crash-writer", config);
        Persistence.Get(system).Serialization.Register<Written>("crash-written.v1");
        for (var i = 0; i < options.Actors; i++)
        {
            var durability = i < options.DeferredActors ? WriteDurability.Deferred : WriteDurability.Synced;
            system.ActorOf(BatchWriter.Props($"crash-{i}", options.BatchSize, durability), $"writer-{i}");
        }
        await Task.Delay(options.MaxRunTime);
        await system.Terminate();
    }
}
