namespace Serenity.Actors;

/// <summary>
/// For stall reports: the mailboxes of a system that hold work, read from outside without synchronization (a snapshot
/// that may be slightly stale, never used to decide anything). A mailbox with messages that is neither scheduled nor on
/// hold was not woken: a lost wake-up.
/// </summary>
public static class MailboxDiagnostics
{
    /// <summary>One line per actor whose mailbox has messages or is scheduled, with its state.</summary>
    public static IReadOnlyList<string> Busy(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var lines = new List<string>();
        if (system is ActorSystemImpl impl) Walk(impl.RootCell, lines);
        return lines;
    }

    private static void Walk(ActorCell cell, List<string> lines)
    {
        if (cell.DescribeMailbox() is { } state) lines.Add(cell.SelfRef.Path + ": " + state);
        foreach (var child in cell.Children) if (child is LocalActorRef local) Walk(local.Cell, lines);
    }
}
