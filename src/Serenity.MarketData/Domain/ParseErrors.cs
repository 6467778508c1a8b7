namespace Serenity.MarketData;

/// <summary>Why a frame or a message in it was not understood.</summary>
public enum ParseErrorKind
{
    /// <summary>The frame is not well-formed JSON (or not valid UTF-8): the whole frame is dropped.</summary>
    MalformedJson,

    /// <summary>The frame is JSON but not an array of objects: the whole frame is dropped.</summary>
    NotAnArray,

    /// <summary>An element of the array is not an object.</summary>
    NotAnObject,

    /// <summary>A message without <c>T</c>.</summary>
    MissingType,

    /// <summary>A message whose <c>T</c> this client does not know.</summary>
    UnknownType,

    /// <summary>A message lacking a field its type requires.</summary>
    MissingField,

    /// <summary>A field of the wrong JSON type or an unreadable value (number, timestamp).</summary>
    InvalidField,
}

/// <summary>One parse error: what and, when it concerns one field, which.</summary>
public sealed record ParseError(ParseErrorKind Kind, string? Field = null);

/// <summary>Counts of parse errors by kind; safe to read from any thread while one parser writes.</summary>
public sealed class ParseErrorCounters
{
    private readonly long[] _counts = new long[Enum.GetValues<ParseErrorKind>().Length];

    /// <summary>Errors of one kind so far.</summary>
    public long this[ParseErrorKind kind] => Volatile.Read(ref _counts[(int)kind]);

    /// <summary>All errors so far.</summary>
    public long Total
    {
        get
        {
            long total = 0;
            for (var i = 0; i < _counts.Length; i++) total += Volatile.Read(ref _counts[i]);
            return total;
        }
    }

    internal void Increment(ParseErrorKind kind) => Interlocked.Increment(ref _counts[(int)kind]);

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(", ", Enum.GetValues<ParseErrorKind>().Where(k => this[k] > 0).Select(k => $"{k}={this[k]}"));
}
