namespace Serenity.Server.Logging;

/// <summary>One recent log line kept for <c>pbm log peek</c> and <c>pbm log tail</c>.</summary>
/// <param name="Seq">Position in the node's log since start (1, 2, ...).</param>
/// <param name="Timestamp">When it was logged.</param>
/// <param name="Level">debug, info, warning or error.</param>
/// <param name="Source">The logger's source (an actor path or a category).</param>
/// <param name="Message">The message, with the exception's type and message appended when there was one.</param>
public sealed record LogLine(long Seq, DateTimeOffset Timestamp, string Level, string Source, string Message)
{
    /// <summary>The levels in increasing severity.</summary>
    public static IReadOnlyList<string> Levels { get; } = ["debug", "info", "warning", "error"];

    /// <summary>The rank of <paramref name="level"/> in <see cref="Levels"/>, or -1 when it is not one.</summary>
    public static int Rank(string level) => Levels.ToList().IndexOf(level.ToLowerInvariant());

    /// <summary>Whether this line is at <paramref name="minimum"/> or more severe.</summary>
    public bool AtLeast(string minimum) => Rank(Level) >= Rank(minimum);
}
