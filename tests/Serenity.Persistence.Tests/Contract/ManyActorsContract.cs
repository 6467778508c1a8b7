using Serenity.Actors;
using Xunit.Abstractions;

namespace Serenity.Persistence.Tests.Contract;

/// <summary>The plugin contract under load: many actors persisting at once (their writes batched together).</summary>
public abstract class ManyActorsContract(PluginUnderTest plugin, ITestOutputHelper? output = null)
    : PersistenceTestKit(plugin, plugin.SystemConfig, output)
{
    private const int Actors = 1_000;
    private const int EventsEach = 5;
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    [Fact]
    public void A_thousand_actors_persisting_at_once_all_recover_their_events()
    {
        var recorders = Enumerable.Range(0, Actors).Select(i => StartRecorder($"many-{i}")).ToArray();
        for (var e = 1; e <= EventsEach; e++)
        {
            for (var i = 0; i < Actors; i++) recorders[i].Tell(new Add($"{i}-{e}"));
        }

        var acks = ReceiveN(Actors * EventsEach, Generous).Cast<Acked>().ToList();

        foreach (var perActor in acks.GroupBy(a => a.PersistenceId))
        {
            Assert.Equal(Enumerable.Range(1, EventsEach).Select(n => (long)n), perActor.Select(a => a.SequenceNr));
        }
        foreach (var recorder in recorders) Sys.Stop(recorder);
        for (var i = 0; i < Actors; i++) StartRecorder($"many-{i}").Tell(new GetState());
        var states = ReceiveN(Actors, Generous).Cast<RecorderState>().ToDictionary(s => s.PersistenceId);
        for (var i = 0; i < Actors; i++)
        {
            Assert.Equal(Enumerable.Range(1, EventsEach).Select(e => $"{i}-{e}"), states[$"many-{i}"].Values);
        }
    }
}
