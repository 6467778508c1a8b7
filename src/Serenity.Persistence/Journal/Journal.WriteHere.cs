namespace Serenity.Persistence.Journal;

/// <summary>
/// Writes to a store that keeps event objects, on the persistent actor's own thread: one request, no batch bookkeeping
/// (a year's backtest writes a million of them). Anything but a plain success goes through the general batch path, which
/// tells rejected, colliding and failed writes apart.
/// </summary>
public sealed partial class Journal
{
    /// <summary>
    /// Writes <paramref name="request"/> here; false when nothing was written (an event type without a manifest, or a
    /// store that failed at once): the caller then queues it for the batch path, behind which this actor's later writes
    /// wait, so they stay in order.
    /// </summary>
    private bool TryWriteHere(WriteRequest request)
    {
        var rows = ObjectRows(request);
        if (rows is null) return false;
        Task written;
        try
        {
            written = WriteToStore(rows, request.Deferrable);
        }
        catch (Exception)
        {
            return false; // a store that throws instead of returning a failed task; atomic writes: nothing was stored
        }
        if (written.IsCompletedSuccessfully) ReplyWritten(request);
        else if (written.IsCompleted) return false;
        else _ = ReplyWhenWrittenAsync(request, written); // not the contract (the store answers at once), but still answered
        return true;
    }

    private async Task ReplyWhenWrittenAsync(WriteRequest request, Task written)
    {
        try
        {
            await written.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Writes are atomic, so nothing of it was stored: the batch path writes it again and answers each atomic write.
            await WriteBatchAsync([request]).ConfigureAwait(false);
            return;
        }
        ReplyWritten(request);
    }

    /// <summary>The request's rows with the events themselves; null when an event's type has no manifest.</summary>
    private JournalRow[][]? ObjectRows(WriteRequest request)
    {
        var now = _clock.GetUtcNow();
        var rows = new JournalRow[request.Writes.Count][];
        try
        {
            for (var w = 0; w < rows.Length; w++) rows[w] = Rows(request, request.Writes[w], now);
        }
        catch (Serialization.NotRegisteredException)
        {
            return null;
        }
        return rows;
    }

    /// <summary>A row that carries the event itself; unregistered types throw, as they do for stores that serialize.</summary>
    private JournalRow ObjectRow(WriteRequest request, PendingEvent e, DateTimeOffset now) =>
        new(request.PersistenceId, e.SequenceNr, _serialization.ManifestOf(e.Payload.GetType()), [], e.Tags, request.WriterId, now) { Event = e.Payload };

    private static void ReplyWritten(WriteRequest request)
    {
        // Indexed loops: a foreach over the interfaces would allocate two enumerators per write.
        for (var w = 0; w < request.Writes.Count; w++)
        {
            var events = request.Writes[w].Events;
            for (var i = 0; i < events.Count; i++) request.ReplyTo.Tell(new WriteMessageSuccess(events[i].Payload, events[i].SequenceNr, request.InstanceId), null);
        }
    }
}
