using Serenity.Actors;
using Xunit.Abstractions;

namespace Serenity.Persistence.Tests.Contract;

/// <summary>
/// A TestKit whose system stores with the plugin under test; the contract's event types are registered.
/// The plugin's storage is removed after the system has shut down.
/// </summary>
public abstract class PersistenceTestKit : TestKit.TestKit
{
    /// <summary>A system configured by <paramref name="config"/> (usually <see cref="PluginUnderTest.SystemConfig"/>).</summary>
    protected PersistenceTestKit(PluginUnderTest plugin, string config, ITestOutputHelper? output)
        : base(config, output)
    {
        Plugin = plugin;
        ContractEvents.Register(Sys);
        if (Persistence.Get(Sys).Journal.Store is ControlledJournalStore controlled)
        {
            // Runs before the journal is flushed (last registered runs first): a test that failed while
            // holding writes must not leave the shutdown waiting for them.
            Sys.RegisterOnTermination(() =>
            {
                controlled.ReleaseWrites();
                controlled.ReleaseReplays();
                return Task.CompletedTask;
            });
        }
    }

    /// <summary>The plugin under test.</summary>
    protected PluginUnderTest Plugin { get; }

    /// <summary>Starts a <see cref="Recorder"/> for <paramref name="persistenceId"/> reporting failures to the test actor.</summary>
    protected IActorRef StartRecorder(string persistenceId) => Sys.ActorOf(Recorder.Props(persistenceId, TestActor));

    /// <summary>The recorder's state (answered once its recovery is over).</summary>
    protected RecorderState StateOf(IActorRef recorder)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        recorder.Tell(new GetState());
        return ExpectMsg<RecorderState>();
    }

    /// <summary>What a new incarnation of <paramref name="persistenceId"/> recovers.</summary>
    protected RecorderState Recover(string persistenceId) => StateOf(StartRecorder(persistenceId));

    /// <summary>Stops an actor and waits until it has stopped.</summary>
    protected void StopAndWait(IActorRef actor)
    {
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        Unwatch(actor);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        try
        {
            base.Dispose(disposing);
        }
        finally
        {
            if (disposing) Plugin.Dispose();
        }
    }
}
