using Npgsql;
using Serenity.Persistence.Journal;
using Serenity.Persistence.PostgreSql.Tests.Fixture;

namespace Serenity.Persistence.PostgreSql.Tests;

/// <summary>WriteAsync: every field stored, one transaction per batch, collisions named.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class JournalWriteTests(PostgreSqlFixture fixture)
{
    [Fact]
    public async Task Written_rows_replay_with_every_field_and_an_increasing_ordering()
    {
        await using var store = await StoreFactory.JournalAsync(fixture);
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var row = new JournalRow("Ticker|AAPL 'quoted' \"x\"", 1, "price-changed.v2", bytes, ["a,b", "{braces}", "quo\"te", "ünï"], "node-7", Rows.Created.AddTicks(123_450));
        await store.WriteAsync([[row], [Rows.Event(row.PersistenceId, 2)]], CancellationToken.None);

        var replayed = new List<JournalRow>();
        await store.ReplayAsync(row.PersistenceId, 1, long.MaxValue, long.MaxValue, replayed.Add, CancellationToken.None);

        Assert.Equal([1L, 2L], replayed.Select(r => r.SequenceNr));
        var first = replayed[0];
        Assert.Equal(row.PersistenceId, first.PersistenceId);
        Assert.Equal(row.Manifest, first.Manifest);
        Assert.Equal(bytes, first.Payload);
        Assert.Equal(row.Tags, first.Tags);
        Assert.Equal(row.WriterId, first.WriterId);
        Assert.Equal(row.Created, first.Created);
        Assert.Equal(TimeSpan.Zero, first.Created.Offset);
        Assert.True(first.Ordering > 0);
        Assert.True(replayed[1].Ordering > first.Ordering);
    }

    [Fact]
    public async Task Deferred_writes_go_through_sessions_whose_commits_do_not_wait_for_the_wal_flush()
    {
        await using var store = await StoreFactory.JournalAsync(fixture);
        await using (var deferred = await store.OpenWriteConnectionAsync(deferred: true, CancellationToken.None))
        {
            Assert.Equal(("off", "client"), await SynchronousCommitAsync(deferred)); // set by the store when the session starts
        }
        await using (var synced = await store.OpenWriteConnectionAsync(deferred: false, CancellationToken.None))
        {
            Assert.NotEqual("client", (await SynchronousCommitAsync(synced)).Source); // the server's own setting
        }

        await store.WriteDeferredAsync([[Rows.Event("p", 1)], [Rows.Event("q", 1)]], CancellationToken.None);
        await store.WriteAsync([[Rows.Event("p", 2)]], CancellationToken.None);
        Assert.Equal(2, await store.ReadHighestSequenceNrAsync("p", CancellationToken.None));
        Assert.Equal(1, await store.ReadHighestSequenceNrAsync("q", CancellationToken.None));

        static async Task<(string Setting, string Source)> SynchronousCommitAsync(NpgsqlConnection connection)
        {
            await using var command = new NpgsqlCommand("SELECT setting, source FROM pg_settings WHERE name = 'synchronous_commit'", connection);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            return (reader.GetString(0), reader.GetString(1));
        }
    }

    [Fact]
    public async Task Created_keeps_the_instant_in_utc_at_microsecond_precision()
    {
        await using var store = await StoreFactory.JournalAsync(fixture);
        var local = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(5)).AddTicks(1_234_567); // 123456.7 us
        await store.WriteAsync([[Rows.Event("p", 1) with { Created = local }]], CancellationToken.None);

        JournalRow? read = null;
        await store.ReplayAsync("p", 1, 1, 1, r => read = r, CancellationToken.None);

        Assert.Equal(local.UtcDateTime.AddTicks(-7), read!.Created.UtcDateTime); // the 0.7 us below timestamptz's resolution are dropped
    }

    [Fact]
    public async Task A_batch_of_many_ids_is_written_whole()
    {
        await using var store = await StoreFactory.JournalAsync(fixture);
        var batch = Enumerable.Range(0, 500).Select(i => (IReadOnlyList<JournalRow>)[Rows.Event($"id-{i}", 1), Rows.Event($"id-{i}", 2)]).ToList();

        await store.WriteAsync(batch, CancellationToken.None);

        foreach (var i in new[] { 0, 250, 499 })
        {
            Assert.Equal(2, await store.ReadHighestSequenceNrAsync($"id-{i}", CancellationToken.None));
        }
    }

    [Fact]
    public async Task An_empty_batch_writes_nothing()
    {
        await using var store = await StoreFactory.JournalAsync(fixture);

        await store.WriteAsync([], CancellationToken.None);
        await store.WriteAsync([[]], CancellationToken.None);

        Assert.Empty(await store.ReadTaggedAsync("any", 0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_collision_with_a_stored_row_names_the_id_and_sequence_nr_and_writes_nothing_of_the_batch()
    {
        await using var store = await StoreFactory.JournalAsync(fixture);
        await store.WriteAsync(Rows.Singles("owner", 1, 3), CancellationToken.None);

        var e = await Assert.ThrowsAsync<JournalCollisionException>(() =>
            store.WriteAsync([[Rows.Event("bystander", 1)], [Rows.Event("owner", 4), Rows.Event("owner", 3)], [Rows.Event("other", 1)]], CancellationToken.None));

        Assert.Contains("'owner'", e.Message, StringComparison.Ordinal);
        Assert.Contains("sequence nr 3", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, await store.ReadHighestSequenceNrAsync("owner", CancellationToken.None));
        Assert.Equal(0, await store.ReadHighestSequenceNrAsync("bystander", CancellationToken.None));
        Assert.Equal(0, await store.ReadHighestSequenceNrAsync("other", CancellationToken.None));
    }

    [Fact]
    public async Task A_batch_that_carries_a_key_twice_is_a_collision()
    {
        await using var store = await StoreFactory.JournalAsync(fixture);

        var e = await Assert.ThrowsAsync<JournalCollisionException>(() =>
            store.WriteAsync([[Rows.Event("twice", 1)], [Rows.Event("twice", 1)]], CancellationToken.None));

        Assert.Contains("'twice'", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, await store.ReadHighestSequenceNrAsync("twice", CancellationToken.None));
    }

    [Fact]
    public async Task Of_concurrent_writers_of_the_same_sequence_nr_exactly_one_wins()
    {
        var schema = fixture.NewSchema();
        await using var store = await StoreFactory.JournalAsync(fixture, schema);
        await using var rival = await StoreFactory.JournalAsync(fixture, schema);
        var writers = Enumerable.Range(0, 8)
            .Select(i => (i % 2 == 0 ? store : rival).WriteAsync([[Rows.Event("contested", 1) with { WriterId = $"w{i}" }]], CancellationToken.None))
            .ToList();

        var outcomes = await Task.WhenAll(writers.Select(async w =>
        {
            try
            {
                await w;
                return "won";
            }
            catch (JournalCollisionException)
            {
                return "collided";
            }
        }));

        Assert.Equal(1, outcomes.Count(o => o == "won"));
        Assert.Equal(7, outcomes.Count(o => o == "collided"));
        var stored = new List<JournalRow>();
        await store.ReplayAsync("contested", 1, 10, 10, stored.Add, CancellationToken.None);
        Assert.Single(stored);
    }
}
