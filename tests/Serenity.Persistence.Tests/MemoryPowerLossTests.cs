using System.Text;
using Serenity.Persistence.Journal;

namespace Serenity.Persistence.Tests;

/// <summary>The memory journal's model of a power loss: it takes the deferred writes no synced write has followed.</summary>
public sealed class MemoryPowerLossTests
{
    private static readonly DateTimeOffset Created = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
    private readonly MemoryJournalStore _store = new();

    [Fact]
    public async Task A_power_loss_takes_the_deferred_writes_after_the_last_synced_one_and_their_sequence_nrs()
    {
        await _store.WriteAsync([[Row("p", 1)]], CancellationToken.None);
        await _store.WriteDeferredAsync([[Row("p", 2)], [Row("q", 1)]], CancellationToken.None);
        await _store.WriteDeferredAsync([[Row("p", 3, "t")]], CancellationToken.None);

        Assert.Equal(3, _store.SimulatePowerLoss());

        Assert.Equal([1L], await SequenceNrsAsync("p"));
        Assert.Empty(await SequenceNrsAsync("q"));
        Assert.Equal(1, await _store.ReadHighestSequenceNrAsync("p", CancellationToken.None));
        Assert.Equal(0, await _store.ReadHighestSequenceNrAsync("q", CancellationToken.None));
        Assert.Empty(await _store.ReadTaggedAsync("t", 0, 10, CancellationToken.None));
        await _store.WriteAsync([[Row("p", 2)], [Row("q", 1)]], CancellationToken.None); // the numbers are free again
    }

    [Fact]
    public async Task A_synced_write_or_a_delete_after_deferred_ones_makes_them_survive_a_power_loss()
    {
        await _store.WriteDeferredAsync([[Row("p", 1)]], CancellationToken.None);
        await _store.WriteAsync([[Row("q", 1)]], CancellationToken.None);
        await _store.WriteDeferredAsync([[Row("p", 2)]], CancellationToken.None);
        await _store.DeleteMessagesToAsync("q", 1, CancellationToken.None);
        await _store.WriteDeferredAsync([[Row("p", 3)]], CancellationToken.None);

        Assert.Equal(1, _store.SimulatePowerLoss());

        Assert.Equal([1L, 2L], await SequenceNrsAsync("p"));
        Assert.Equal(0, _store.SimulatePowerLoss()); // nothing deferred is left
    }

    [Fact]
    public async Task A_synced_write_that_collides_or_writes_nothing_does_not_make_earlier_deferred_ones_survive()
    {
        await _store.WriteAsync([[Row("p", 1)]], CancellationToken.None);
        await _store.WriteDeferredAsync([[Row("q", 1)]], CancellationToken.None);
        await Assert.ThrowsAsync<JournalCollisionException>(() => _store.WriteAsync([[Row("p", 1)]], CancellationToken.None));
        await _store.WriteAsync([[]], CancellationToken.None);

        Assert.Equal(1, _store.SimulatePowerLoss());
        Assert.Empty(await SequenceNrsAsync("q"));
    }

    private static JournalRow Row(string persistenceId, long sequenceNr, params string[] tags) =>
        new(persistenceId, sequenceNr, "test-event.v1", Encoding.UTF8.GetBytes($"{persistenceId}-{sequenceNr}"), tags, "writer-1", Created);

    private async Task<List<long>> SequenceNrsAsync(string persistenceId)
    {
        var seqs = new List<long>();
        await _store.ReplayAsync(persistenceId, 1, long.MaxValue, long.MaxValue, r => seqs.Add(r.SequenceNr), CancellationToken.None);
        return seqs;
    }
}
