using System.Text;
using Serenity.Actors;
using Serenity.Hocon;
using Serenity.Persistence.Journal;
using Xunit.Abstractions;

namespace Serenity.Persistence.Tests.Contract;

/// <summary>The contract of plugins whose data outlives the process (SQLite, PostgreSQL; not memory).</summary>
public abstract class DurablePluginContract(PluginUnderTest plugin, ITestOutputHelper? output = null)
    : PersistenceTestKit(plugin, plugin.SystemConfig, output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_persistent_counter_survives_a_restart_of_its_actor_system()
    {
        var counter = Sys.ActorOf(Counter.Props("counter"));
        for (var i = 1; i <= 3; i++)
        {
            counter.Tell("increment");
            ExpectMsg(i);
        }

        await Sys.Terminate().WaitAsync(Bound); // stops the actors, then closes the journal

        using var restarted = ActorSystem.Create("restarted", ConfigurationFactory.ParseString(Plugin.SystemConfig + "\nserenity.stdout-loglevel = OFF"));
        ContractEvents.Register(restarted);
        var revived = restarted.ActorOf(Counter.Props("counter"));
        Assert.Equal(3, await revived.Ask<int>("get", Bound));
        Assert.Equal(4, await revived.Ask<int>("increment", Bound));
        await restarted.Terminate().WaitAsync(Bound);
    }

    [Fact]
    public async Task What_one_store_wrote_is_read_by_a_store_opened_later()
    {
        var journal = Plugin.CreateJournalStore();
        await journal.InitializeAsync(CancellationToken.None);
        await journal.WriteAsync([[Row(1, "green"), Row(2)]], CancellationToken.None);
        await journal.DeleteMessagesToAsync("p", 2, CancellationToken.None);
        await journal.WriteAsync([[Row(3, "green")]], CancellationToken.None);
        await journal.DisposeAsync();

        await using var reopened = Plugin.CreateJournalStore();
        await reopened.InitializeAsync(CancellationToken.None);

        var rows = new List<JournalRow>();
        await reopened.ReplayAsync("p", 1, long.MaxValue, long.MaxValue, rows.Add, CancellationToken.None);
        Assert.Equal([3L], rows.Select(r => r.SequenceNr));
        Assert.Equal(3, await reopened.ReadHighestSequenceNrAsync("p", CancellationToken.None));
        Assert.Equal([3L], (await reopened.ReadTaggedAsync("green", 0, 10, CancellationToken.None)).Select(r => r.SequenceNr));
    }

    private static JournalRow Row(long sequenceNr, params string[] tags) =>
        new("p", sequenceNr, "test-event.v1", Encoding.UTF8.GetBytes($"{sequenceNr}"), tags, "writer-1", DateTimeOffset.UtcNow);
}
