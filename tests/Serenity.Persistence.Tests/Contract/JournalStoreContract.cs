using System.Text;
using Serenity.Persistence.Journal;

namespace Serenity.Persistence.Tests.Contract;

/// <summary>The journal plugin contract (<see cref="IJournalStore"/>), store level: every plugin must pass it.</summary>
public abstract class JournalStoreContract(PluginUnderTest plugin) : IAsyncLifetime
{
    private static readonly DateTimeOffset Created = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);
    private IJournalStore? _store;

    /// <summary>The store under test, initialized.</summary>
    protected IJournalStore Store => _store ?? throw new InvalidOperationException("not initialized");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _store = plugin.CreateJournalStore();
        await _store.InitializeAsync(CancellationToken.None);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
        plugin.Dispose();
    }

    [Fact]
    public async Task Written_rows_are_replayed_in_sequence_order_with_everything_stored()
    {
        await WriteAsync([Row("p", 1, "one", "red"), Row("p", 2, "two")], [Row("p", 3, "three", "red", "blue")]);

        var rows = await ReplayAsync("p");

        Assert.Equal([1L, 2L, 3L], rows.Select(r => r.SequenceNr));
        Assert.Equal(["one", "two", "three"], rows.Select(r => Encoding.UTF8.GetString(r.Payload)));
        Assert.All(rows, r =>
        {
            Assert.Equal("p", r.PersistenceId);
            Assert.Equal("test-event.v1", r.Manifest);
            Assert.Equal("writer-1", r.WriterId);
            Assert.Equal(Created, r.Created);
        });
        Assert.Equal(["red"], rows[0].Tags);
        Assert.Empty(rows[1].Tags);
        Assert.Equal(["red", "blue"], rows[2].Tags);
    }

    [Fact]
    public async Task Replay_returns_only_the_requested_range_of_one_id_and_at_most_max_rows()
    {
        await WriteAsync([.. Enumerable.Range(1, 10).Select(i => Row("p", i))], [Row("q", 1), Row("q", 2)]);

        Assert.Equal([3L, 4L, 5L], (await ReplayAsync("p", 3, 5)).Select(r => r.SequenceNr));
        Assert.Equal([4L, 5L], (await ReplayAsync("p", 4, long.MaxValue, 2)).Select(r => r.SequenceNr));
        Assert.Equal([1L, 2L], (await ReplayAsync("q")).Select(r => r.SequenceNr));
        Assert.Empty(await ReplayAsync("p", 11));
        Assert.Empty(await ReplayAsync("unknown"));
    }

    [Fact]
    public async Task The_highest_sequence_nr_is_0_for_an_unknown_id_and_the_highest_written_otherwise()
    {
        await WriteAsync([Row("p", 1), Row("p", 2), Row("q", 1)]);

        Assert.Equal(0, await Store.ReadHighestSequenceNrAsync("unknown", CancellationToken.None));
        Assert.Equal(2, await Store.ReadHighestSequenceNrAsync("p", CancellationToken.None));
        Assert.Equal(1, await Store.ReadHighestSequenceNrAsync("q", CancellationToken.None));
    }

    [Fact]
    public async Task Deleted_rows_are_not_replayed_and_the_highest_sequence_nr_is_kept()
    {
        await WriteAsync([.. Enumerable.Range(1, 5).Select(i => Row("p", i))], [Row("q", 1)]);

        await Store.DeleteMessagesToAsync("p", 3, CancellationToken.None);
        Assert.Equal([4L, 5L], (await ReplayAsync("p")).Select(r => r.SequenceNr));

        await Store.DeleteMessagesToAsync("p", long.MaxValue, CancellationToken.None);
        Assert.Empty(await ReplayAsync("p"));
        Assert.Equal(5, await Store.ReadHighestSequenceNrAsync("p", CancellationToken.None));

        await WriteAsync([Row("p", 6)]);
        Assert.Equal([6L], (await ReplayAsync("p")).Select(r => r.SequenceNr));
        Assert.Equal([1L], (await ReplayAsync("q")).Select(r => r.SequenceNr));
        await Store.DeleteMessagesToAsync("unknown", 10, CancellationToken.None);
        Assert.Equal(0, await Store.ReadHighestSequenceNrAsync("unknown", CancellationToken.None));
    }

    [Fact]
    public async Task Writing_an_existing_sequence_nr_throws_a_collision_naming_the_id_and_number()
    {
        await WriteAsync([Row("p", 1), Row("p", 2)]);

        var e = await Assert.ThrowsAsync<JournalCollisionException>(() => WriteAsync([Row("p", 2)]));

        Assert.Contains("'p'", e.Message, StringComparison.Ordinal);
        Assert.Contains("2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_collision_rolls_back_every_atomic_write_of_the_call()
    {
        await WriteAsync([Row("p", 1)]);

        await Assert.ThrowsAsync<JournalCollisionException>(() => WriteAsync([Row("q", 1, "q", "t")], [Row("p", 1)], [Row("r", 1)]));
        await Assert.ThrowsAsync<JournalCollisionException>(() => WriteAsync([Row("s", 1)], [Row("s", 1)]));

        foreach (var id in new[] { "q", "r", "s" })
        {
            Assert.Empty(await ReplayAsync(id));
            Assert.Equal(0, await Store.ReadHighestSequenceNrAsync(id, CancellationToken.None));
        }
        Assert.Empty(await Store.ReadTaggedAsync("t", 0, 10, CancellationToken.None));
        await WriteAsync([Row("q", 1)]); // the numbers stay free
    }

    [Fact]
    public async Task Of_two_concurrent_writes_of_the_same_sequence_nr_exactly_one_wins()
    {
        for (var round = 0; round < 20; round++)
        {
            var id = $"contested-{round}";
            var writes = new[] { "writer-a", "writer-b" }
                .Select(writer => Task.Run(() => Store.WriteAsync([[Row(id, 1) with { WriterId = writer }]], CancellationToken.None)))
                .ToArray();
            await Task.WhenAll(writes.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));

            var winners = writes.Count(w => w.IsCompletedSuccessfully);
            Assert.Equal(1, winners);
            var loser = writes.Single(w => !w.IsCompletedSuccessfully);
            Assert.IsType<JournalCollisionException>(loser.Exception!.InnerException);
            var stored = Assert.Single(await ReplayAsync(id));
            Assert.Equal(writes[0].IsCompletedSuccessfully ? "writer-a" : "writer-b", stored.WriterId);
        }
    }

    [Fact]
    public async Task Tagged_rows_are_read_in_write_order_after_an_offset_and_at_most_max()
    {
        await WriteAsync([Row("p", 1, "p1", "green"), Row("p", 2, "p2")], [Row("q", 1, "q1", "green", "blue")]);
        await WriteAsync([Row("p", 3, "p3", "blue")], [Row("r", 1, "r1", "green")]);
        await WriteAsync([Row("q", 2, "q2", "green")]);

        var green = await Store.ReadTaggedAsync("green", 0, 100, CancellationToken.None);

        Assert.Equal(["p1", "q1", "r1", "q2"], green.Select(r => Encoding.UTF8.GetString(r.Payload)));
        Assert.True(green.Zip(green.Skip(1)).All(pair => pair.First.Ordering < pair.Second.Ordering), "orderings increase");
        Assert.Equal(["q1", "p3"], (await Store.ReadTaggedAsync("blue", 0, 100, CancellationToken.None)).Select(r => Encoding.UTF8.GetString(r.Payload)));
        var afterSecond = await Store.ReadTaggedAsync("green", green[1].Ordering, 100, CancellationToken.None);
        Assert.Equal(["r1", "q2"], afterSecond.Select(r => Encoding.UTF8.GetString(r.Payload)));
        Assert.Equal(["p1", "q1"], (await Store.ReadTaggedAsync("green", 0, 2, CancellationToken.None)).Select(r => Encoding.UTF8.GetString(r.Payload)));
        Assert.Empty(await Store.ReadTaggedAsync("green", green[^1].Ordering, 100, CancellationToken.None));
        Assert.Empty(await Store.ReadTaggedAsync("absent", 0, 100, CancellationToken.None));
    }

    [Fact]
    public async Task Deleted_rows_leave_the_tag_query()
    {
        await WriteAsync([Row("p", 1, "p1", "green"), Row("p", 2, "p2", "green")], [Row("q", 1, "q1", "green")]);

        await Store.DeleteMessagesToAsync("p", 1, CancellationToken.None);

        var green = await Store.ReadTaggedAsync("green", 0, 100, CancellationToken.None);
        Assert.Equal(["p2", "q1"], green.Select(r => Encoding.UTF8.GetString(r.Payload)));
    }

    [Fact]
    public async Task A_large_batch_of_many_ids_is_written_at_once()
    {
        var writes = Enumerable.Range(0, 1_000).Select(i => (IReadOnlyList<JournalRow>)[.. Enumerable.Range(1, 5).Select(s => Row($"id-{i}", s))]).ToList();

        await Store.WriteAsync(writes, CancellationToken.None);

        Assert.Equal([1L, 2L, 3L, 4L, 5L], (await ReplayAsync("id-999")).Select(r => r.SequenceNr));
        Assert.Equal(5, await Store.ReadHighestSequenceNrAsync("id-0", CancellationToken.None));
    }

    [Fact]
    public async Task An_empty_payload_is_stored_as_empty()
    {
        await WriteAsync([Row("p", 1) with { Payload = [] }]);

        Assert.Empty(Assert.Single(await ReplayAsync("p")).Payload);
    }

    [Fact]
    public async Task An_empty_write_is_accepted()
    {
        await Store.WriteAsync([], CancellationToken.None);
        await Store.WriteAsync([[]], CancellationToken.None);
    }

    [Fact]
    public async Task Deferred_writes_are_read_like_synced_ones_in_one_order_with_them()
    {
        await Store.WriteDeferredAsync([[Row("p", 1, "one", "red")], [Row("q", 1)]], CancellationToken.None);
        await WriteAsync([Row("p", 2, "two", "red")]);
        await Store.WriteDeferredAsync([[Row("p", 3, "three", "red")]], CancellationToken.None);

        Assert.Equal(["one", "two", "three"], (await ReplayAsync("p")).Select(r => Encoding.UTF8.GetString(r.Payload)));
        Assert.Equal(3, await Store.ReadHighestSequenceNrAsync("p", CancellationToken.None));
        Assert.Equal(1, await Store.ReadHighestSequenceNrAsync("q", CancellationToken.None));
        var tagged = await Store.ReadTaggedAsync("red", 0, 10, CancellationToken.None);
        Assert.Equal([1L, 2L, 3L], tagged.Select(r => r.SequenceNr));
    }

    [Fact]
    public async Task A_deferred_write_collides_and_rolls_back_like_a_synced_one()
    {
        await WriteAsync([Row("p", 1)]);

        var e = await Assert.ThrowsAsync<JournalCollisionException>(() => Store.WriteDeferredAsync([[Row("q", 1)], [Row("p", 1)]], CancellationToken.None));

        Assert.Contains("'p'", e.Message, StringComparison.Ordinal);
        Assert.Empty(await ReplayAsync("q"));
        await Store.WriteDeferredAsync([[Row("q", 1)]], CancellationToken.None); // the number stays free
        Assert.Single(await ReplayAsync("q"));
    }

    /// <summary>A row as the journal front makes them (manifest, writer and time fixed).</summary>
    protected static JournalRow Row(string persistenceId, long sequenceNr, string? payload = null, params string[] tags) =>
        new(persistenceId, sequenceNr, "test-event.v1", Encoding.UTF8.GetBytes(payload ?? $"{persistenceId}-{sequenceNr}"), tags, "writer-1", Created);

    /// <summary>Writes the atomic writes in one call.</summary>
    protected Task WriteAsync(params IReadOnlyList<JournalRow>[] atomicWrites) => Store.WriteAsync(atomicWrites, CancellationToken.None);

    /// <summary>The rows <see cref="IJournalStore.ReplayAsync"/> delivers.</summary>
    protected async Task<List<JournalRow>> ReplayAsync(string persistenceId, long from = 1, long to = long.MaxValue, long max = long.MaxValue)
    {
        var rows = new List<JournalRow>();
        await Store.ReplayAsync(persistenceId, from, to, max, rows.Add, CancellationToken.None);
        return rows;
    }
}
