using Serenity.Actors;
using Serenity.Persistence.Journal;
using Serenity.Persistence.Tests.Contract;
using Xunit.Abstractions;

namespace Serenity.Persistence.Tests;

/// <summary>Actors that stop on a storage failure: what happens to their commands, and to the next incarnation.</summary>
public sealed class StoppingTests(ITestOutputHelper output) : PersistenceTestKit(new MemoryPlugin(), new MemoryPlugin().ControlledSystemConfig, output)
{
    [Fact]
    public void Commands_held_back_by_a_write_that_fails_become_dead_letters()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters, typeof(DeadLetter));
        var recorder = StartRecorder("p");
        StateOf(recorder);
        Watch(recorder);
        ControlledJournalStore.Of(Sys).FailWrites("disk on fire");

        recorder.Tell(new Add("lost"));
        recorder.Tell(new GetState()); // held back until "lost" is stored, which never happens

        ExpectMsg<PersistFailed>();
        ExpectTerminated(recorder);
        deadLetters.FishForMessage<DeadLetter>(d => d.Message is GetState);
    }

    [Fact]
    public async Task Commands_that_waited_for_a_recovery_that_fails_become_dead_letters()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters, typeof(DeadLetter));
        var journal = Persistence.Get(Sys).Journal;
        await journal.Initialized;
        await journal.Store.WriteAsync([[new JournalRow("p", 1, "retired-event.v1", "{}"u8.ToArray(), [], "old-writer", DateTimeOffset.UtcNow)]], CancellationToken.None);
        ControlledJournalStore.Of(Sys).HoldReplays();
        var recorder = StartRecorder("p");
        Watch(recorder);

        recorder.Tell(new GetState()); // waits for the recovery
        await ControlledJournalStore.Of(Sys).ReplayWaiting.WaitAsync(TimeSpan.FromSeconds(10));
        ControlledJournalStore.Of(Sys).ReleaseReplays();

        ExpectMsg<RecoveryFailed>();
        ExpectTerminated(recorder);
        deadLetters.FishForMessage<DeadLetter>(d => d.Message is GetState);
    }

    [Fact]
    public void A_journal_that_failed_to_initialize_tries_again_for_the_next_actor()
    {
        ControlledJournalStore.Of(Sys).FailNextInitialization("database not up yet");
        var first = StartRecorder("p");
        Watch(first);

        Assert.Equal("database not up yet", Assert.IsType<IOException>(ExpectMsg<RecoveryFailed>().Cause).Message);
        ExpectTerminated(first);

        var second = StartRecorder("p");
        second.Tell(new Add("a"));
        Assert.Equal(new Acked("p", "a", 1), ExpectMsg<Acked>());
    }
}
