using Serenity.Persistence.Journal;
using Serenity.Persistence.PostgreSql.Tests.Fixture;

namespace Serenity.Persistence.PostgreSql.Tests;

/// <summary>Replay ranges, the highest sequence nr across deletes, and tag queries.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class JournalReadTests(PostgreSqlFixture fixture)
{
    [Fact]
    public async Task Replay_honours_from_to_and_max_and_reads_only_its_id()
    {
        await using var store = await StoreFactory.JournalAsync(fixture);
        await store.WriteAsync(Rows.Singles("a", 1, 10), CancellationToken.None);
        await store.WriteAsync(Rows.Singles("a-other", 1, 10), CancellationToken.None);

        Assert.Equal([3L, 4L, 5L, 6L, 7L], await ReplayAsync(store, "a", 3, 7, long.MaxValue));
        Assert.Equal([3L, 4L], await ReplayAsync(store, "a", 3, 7, 2));
        Assert.Equal([9L, 10L], await ReplayAsync(store, "a", 9, long.MaxValue, long.MaxValue));
        Assert.Empty(await ReplayAsync(store, "a", 7, 3, long.MaxValue));
        Assert.Empty(await ReplayAsync(store, "a", 1, 10, 0));
        Assert.Empty(await ReplayAsync(store, "a", 11, 20, 10));
        Assert.Empty(await ReplayAsync(store, "unknown", 1, long.MaxValue, long.MaxValue));
    }

    [Fact]
    public async Task Replay_streams_a_long_history_in_order()
    {
        await using var store = await StoreFactory.JournalAsync(fixture);
        const int events = 20_000;
        var rows = Enumerable.Range(1, events).Select(s => Rows.Event("long", s)).ToList();
        await store.WriteAsync([rows], CancellationToken.None);

        long expected = 1, count = 0;
        await store.ReplayAsync("long", 1, long.MaxValue, long.MaxValue, r =>
        {
            Assert.Equal(expected++, r.SequenceNr);
            Assert.Equal($"long#{r.SequenceNr}", Rows.Text(r));
            count++;
        }, CancellationToken.None);

        Assert.Equal(events, count);
    }

    [Fact]
    public async Task An_exception_thrown_by_the_row_callback_ends_the_replay_and_reaches_the_caller()
    {
        await using var store = await StoreFactory.JournalAsync(fixture);
        await store.WriteAsync([[.. Enumerable.Range(1, 5_000).Select(s => Rows.Event("bad", s))]], CancellationToken.None);
        var seen = 0;

        var e = await Assert.ThrowsAsync<InvalidDataException>(() =>
            store.ReplayAsync("bad", 1, long.MaxValue, long.MaxValue, r => throw new InvalidDataException($"cannot read {r.SequenceNr} after {seen++}"), CancellationToken.None));

        Assert.Equal("cannot read 1 after 0", e.Message);
        Assert.Equal(5_000, await store.ReadHighestSequenceNrAsync("bad", CancellationToken.None)); // the connection went back to the pool usable
    }

    [Fact]
    public async Task Highest_is_zero_for_an_unknown_id_and_the_maximum_written_otherwise()
    {
        await using var store = await StoreFactory.JournalAsync(fixture);
        await store.WriteAsync([[Rows.Event("h", 1), Rows.Event("h", 2), Rows.Event("h", 3)]], CancellationToken.None);

        Assert.Equal(0, await store.ReadHighestSequenceNrAsync("nobody", CancellationToken.None));
        Assert.Equal(3, await store.ReadHighestSequenceNrAsync("h", CancellationToken.None));
    }

    [Fact]
    public async Task Delete_removes_rows_up_to_the_bound_and_keeps_the_highest_sequence_nr()
    {
        await using var store = await StoreFactory.JournalAsync(fixture);
        await store.WriteAsync(Rows.Singles("d", 1, 5), CancellationToken.None);
        await store.WriteAsync(Rows.Singles("d-neighbour", 1, 5), CancellationToken.None);

        await store.DeleteMessagesToAsync("d", 3, CancellationToken.None);
        Assert.Equal([4L, 5L], await ReplayAsync(store, "d", 1, long.MaxValue, long.MaxValue));
        Assert.Equal(5, await store.ReadHighestSequenceNrAsync("d", CancellationToken.None));

        await store.DeleteMessagesToAsync("d", long.MaxValue, CancellationToken.None);
        Assert.Empty(await ReplayAsync(store, "d", 1, long.MaxValue, long.MaxValue));
        Assert.Equal(5, await store.ReadHighestSequenceNrAsync("d", CancellationToken.None));
        Assert.Equal(5, (await ReplayAsync(store, "d-neighbour", 1, long.MaxValue, long.MaxValue)).Count);

        await store.WriteAsync(Rows.Singles("d", 6, 7), CancellationToken.None);
        Assert.Equal(7, await store.ReadHighestSequenceNrAsync("d", CancellationToken.None));
        await store.DeleteMessagesToAsync("d", 6, CancellationToken.None);
        Assert.Equal([7L], await ReplayAsync(store, "d", 1, long.MaxValue, long.MaxValue));
        Assert.Equal(7, await store.ReadHighestSequenceNrAsync("d", CancellationToken.None));
    }

    [Fact]
    public async Task Delete_of_an_unknown_id_or_below_every_row_changes_nothing()
    {
        await using var store = await StoreFactory.JournalAsync(fixture);
        await store.WriteAsync(Rows.Singles("kept", 3, 4), CancellationToken.None);

        await store.DeleteMessagesToAsync("nobody", long.MaxValue, CancellationToken.None);
        await store.DeleteMessagesToAsync("kept", 2, CancellationToken.None);

        Assert.Equal(0, await store.ReadHighestSequenceNrAsync("nobody", CancellationToken.None));
        Assert.Equal([3L, 4L], await ReplayAsync(store, "kept", 1, long.MaxValue, long.MaxValue));
    }

    [Fact]
    public async Task Tagged_rows_come_by_ordering_after_the_offset_at_most_max()
    {
        await using var store = await StoreFactory.JournalAsync(fixture);
        await store.WriteAsync([[Rows.Event("t1", 1, "quotes", "AAPL")], [Rows.Event("t2", 1, "quotes")], [Rows.Event("t3", 1, "quotes-extra")]], CancellationToken.None);
        await store.WriteAsync([[Rows.Event("t1", 2, "AAPL")], [Rows.Event("t1", 3, "quotes")]], CancellationToken.None);

        var quotes = await store.ReadTaggedAsync("quotes", 0, 100, CancellationToken.None);
        Assert.Equal(["t1#1", "t2#1", "t1#3"], quotes.Select(Rows.Text));
        Assert.True(quotes.Zip(quotes.Skip(1)).All(p => p.First.Ordering < p.Second.Ordering));
        Assert.All(quotes, r => Assert.Contains("quotes", r.Tags));

        var afterFirst = await store.ReadTaggedAsync("quotes", quotes[0].Ordering, 1, CancellationToken.None);
        Assert.Equal(["t2#1"], afterFirst.Select(Rows.Text));
        Assert.Empty(await store.ReadTaggedAsync("quotes", quotes[^1].Ordering, 100, CancellationToken.None));
        Assert.Equal(["t1#1", "t1#2"], (await store.ReadTaggedAsync("AAPL", 0, 100, CancellationToken.None)).Select(Rows.Text));
        Assert.Empty(await store.ReadTaggedAsync("quote", 0, 100, CancellationToken.None));
        Assert.Empty(await store.ReadTaggedAsync("quotes", 0, 0, CancellationToken.None));
    }

    [Fact]
    public async Task Deleted_rows_leave_the_tag_query()
    {
        await using var store = await StoreFactory.JournalAsync(fixture);
        await store.WriteAsync(Rows.Singles("gone", 1, 3, "audit"), CancellationToken.None);

        await store.DeleteMessagesToAsync("gone", 2, CancellationToken.None);

        Assert.Equal(["gone#3"], (await store.ReadTaggedAsync("audit", 0, 10, CancellationToken.None)).Select(Rows.Text));
    }

    private static async Task<List<long>> ReplayAsync(IJournalStore store, string id, long from, long to, long max)
    {
        var seqs = new List<long>();
        await store.ReplayAsync(id, from, to, max, r => seqs.Add(r.SequenceNr), CancellationToken.None);
        return seqs;
    }
}
