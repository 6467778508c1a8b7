using System.Text.Json.Serialization;
using Serenity.Actors;
using Serenity.Persistence;

namespace Serenity.Benchmarks;

/// <summary>The benchmarks' event.</summary>
internal sealed record Tick(long Value);

[JsonSerializable(typeof(Tick))]
internal sealed partial class BenchJson : JsonSerializerContext;

/// <summary>Commands of the benchmark actors.</summary>
internal sealed class Go
{
    public static readonly Go Instance = new();
}

/// <summary>On <see cref="Go"/>, persists <c>count</c> events one after the other (each the next command), then signals.</summary>
internal sealed class SequentialWriter : ReceivePersistentActor
{
    public SequentialWriter(string persistenceId, int count, CountdownEvent done)
    {
        PersistenceId = persistenceId;
        var written = 0;
        Command<Go>(_ => Persist(new Tick(written), _ =>
        {
            if (++written == count) done.Signal();
            else Self.Tell(Go.Instance, Self);
        }));
        Command<string>(s => Sender.Tell(s, Self)); // "ready?" is answered once recovery is over
    }

    public override string PersistenceId { get; }
}

/// <summary>Recovers its events and signals when recovery is complete.</summary>
internal sealed class Replayer : ReceivePersistentActor
{
    public Replayer(string persistenceId, ManualResetEventSlim recovered)
    {
        PersistenceId = persistenceId;
        long sum = 0;
        Recover<Tick>(t => sum += t.Value);
        Recover<RecoveryCompleted>(_ => recovered.Set());
    }

    public override string PersistenceId { get; }
}

/// <summary>Answers each command once its event is durable: persist before reply.</summary>
internal sealed class PersistThenReply : ReceivePersistentActor
{
    public PersistThenReply(string persistenceId)
    {
        PersistenceId = persistenceId;
        Command<Tick>(t => Persist(t, e => Sender.Tell(e, Self)));
    }

    public override string PersistenceId { get; }
}
