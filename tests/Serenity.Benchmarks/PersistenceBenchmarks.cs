using System.Diagnostics;
using Serenity.Actors;
using Serenity.Persistence.Journal;
using PersistenceExtension = Serenity.Persistence.Persistence;

namespace Serenity.Benchmarks;

/// <summary>
/// The persistence benchmarks on SQLite with its durable defaults (WAL, synchronous = FULL), in a temp
/// folder, and the write and recovery ones also on a throw-away PostgreSQL server on loopback (durable defaults).
/// </summary>
internal static class PersistenceBenchmarks
{
    private const int Writers = 1_000;
    private const int EventsPerWriter = 100;
    private const int RecoveryEvents = 500_000;
    private const int Requests = 2_000;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public static IReadOnlyList<Benchmark> All() =>
    [
        new("journal_write_sqlite", "events/s", () => JournalWrite(() => new SqliteBenchSystem())),
        new("journal_write_postgresql", "events/s", () => JournalWrite(PostgreSqlBenchSystem.Start)),
        new("recovery_sqlite", "events/s", () => Recovery(() => new SqliteBenchSystem())),
        new("recovery_postgresql", "events/s", () => Recovery(PostgreSqlBenchSystem.Start)),
        new("persist_reply_p99_sqlite", "ms", PersistReplyP99, 2),
    ];

    /// <summary>1,000 actors each persist 100 events one after the other; from the first command until every handler ran.</summary>
    private static double JournalWrite(Func<IPersistenceBenchSystem> start)
    {
        using var bench = start();
        RunWriters(bench.System, "warm", 100, 10); // JIT, schema, thread pool
        return Writers * EventsPerWriter / RunWriters(bench.System, "writer", Writers, EventsPerWriter).TotalSeconds;
    }

    /// <summary>500,000 stored events replayed into one actor; from its creation until RecoveryCompleted.</summary>
    private static double Recovery(Func<IPersistenceBenchSystem> start)
    {
        using var bench = start();
        Prewrite(bench.System, "warm", 20_000);
        Prewrite(bench.System, "big", RecoveryEvents);
        Replay(bench.System, "warm");
        return RecoveryEvents / Replay(bench.System, "big").TotalSeconds;
    }

    /// <summary>One actor at low load: sequential Ask → Persist → reply; the 99th percentile in ms.</summary>
    private static double PersistReplyP99()
    {
        using var bench = new SqliteBenchSystem();
        var actor = bench.System.ActorOf(Props.Create(() => new PersistThenReply("latency")));
        var latencies = Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++) await actor.Ask<Tick>(new Tick(i), Bound);
            var ticks = new long[Requests];
            for (var i = 0; i < Requests; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await actor.Ask<Tick>(new Tick(i), Bound);
                ticks[i] = Stopwatch.GetTimestamp() - start;
            }
            return ticks;
        }).GetAwaiter().GetResult();
        Array.Sort(latencies);
        return latencies[(int)(0.99 * latencies.Length)] * 1_000.0 / Stopwatch.Frequency;
    }

    private static TimeSpan RunWriters(ActorSystem system, string prefix, int actors, int events)
    {
        using var done = new CountdownEvent(actors);
        var writers = Enumerable.Range(0, actors)
            .Select(i => system.ActorOf(Props.Create(() => new SequentialWriter($"{prefix}-{i}", events, done))))
            .ToArray();
        Task.WaitAll(writers.Select(w => w.Ask<string>("ready?", Bound))); // every writer has recovered
        var sw = Stopwatch.StartNew();
        foreach (var w in writers) w.Tell(Go.Instance, null);
        if (!done.Wait(TimeSpan.FromMinutes(5))) throw new TimeoutException("writers did not finish");
        return sw.Elapsed;
    }

    /// <summary>Stores events straight through the journal plugin, in large transactions.</summary>
    private static void Prewrite(ActorSystem system, string persistenceId, int count)
    {
        var persistence = PersistenceExtension.Get(system);
        persistence.Journal.Initialized.GetAwaiter().GetResult();
        var (manifest, _) = persistence.Serialization.Serialize(new Tick(0));
        for (var from = 1; from <= count; from += 10_000)
        {
            var rows = Enumerable.Range(from, Math.Min(10_000, count - from + 1))
                .Select(seq => new JournalRow(persistenceId, seq, manifest, persistence.Serialization.Serialize(new Tick(seq)).Payload, [], "bench", DateTimeOffset.UtcNow))
                .ToList();
            persistence.Journal.Store.WriteAsync([rows], CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    private static TimeSpan Replay(ActorSystem system, string persistenceId)
    {
        using var recovered = new ManualResetEventSlim();
        var sw = Stopwatch.StartNew();
        var actor = system.ActorOf(Props.Create(() => new Replayer(persistenceId, recovered)));
        if (!recovered.Wait(TimeSpan.FromMinutes(5))) throw new TimeoutException("recovery did not finish");
        sw.Stop();
        system.Stop(actor);
        return sw.Elapsed;
    }
}
