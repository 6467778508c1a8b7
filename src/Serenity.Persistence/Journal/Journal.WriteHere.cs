namespace Serenity.Persistence.Journal;

/// <summary>
/// Writes to a store that keeps event objects, on the persistent actor's own thread: one request, no batch bookkeeping
/// (a year's backtest writes a million of them). Anything but a plain success goes through the general batch path, which
/// tells rejected, colliding and failed writes apart.
/// </summary>
public sealed partial class Journal
{
    private void WriteHere(WriteRequest request)
    {
        var rows = ObjectRows(request);
        if (rows is null)
        {
            _ = WriteBatchAsync([request]); // an event type without a manifest: its write is rejected, the others are written
            return;
        }
        Task written;
        try
        {
            written = _store.WriteAsync(rows, CancellationToken.None);
        }
        catch (Exception e)
        {
            written = Task.FromException(e); // a store that throws instead of returning a failed task
        }
        if (written.IsCompletedSuccessfully) ReplyWritten(request);
        else _ = ReplyWhenWrittenAsync(request, written);
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
            for (var w = 0; w < rows.Length; w++)
            {
                var events = request.Writes[w].Events;
                var written = rows[w] = new JournalRow[events.Count];
                for (var i = 0; i < written.Length; i++) written[i] = ObjectRow(request, events[i], now);
            }
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
