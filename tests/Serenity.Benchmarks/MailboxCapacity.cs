using System.Reflection;
using Serenity.Actors;

namespace Serenity.Benchmarks;

/// <summary>
/// Diagnostics for the memory soak: the slots the given actors' mailbox queues hold (their ring segments
/// grow with bursts and are kept), read by reflection since the kernel does not expose them.
/// </summary>
internal static class MailboxCapacity
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    /// <summary>Total slots over all segments of the actors' mailboxes; -1 if the kernel's layout changed.</summary>
    public static long Slots(IEnumerable<IActorRef> actors)
    {
        long total = 0;
        foreach (var actor in actors)
        {
            var cell = actor.GetType().GetProperty("Cell", Instance)?.GetValue(actor);
            var queue = cell?.GetType().GetField("_queue", Instance)?.GetValue(cell);
            var segment = queue?.GetType().GetField("_head", Instance)?.GetValue(queue);
            if (queue is null) return -1;
            while (segment is not null)
            {
                total += ((Array)segment.GetType().GetField("_slots", Instance)!.GetValue(segment)!).Length;
                segment = segment.GetType().GetField("Next", Instance)!.GetValue(segment);
            }
        }
        return total;
    }
}
