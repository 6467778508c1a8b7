namespace Serenity.Hocon;

/// <summary>A syntax or resolution error at a known position of a HOCON source.</summary>
public sealed class HoconParseException : HoconException
{
    /// <summary>Creates the exception; the message is "{origin}:{line}:{column}: expected {expected}, found {found}".</summary>
    public HoconParseException(string origin, int line, int column, string expected, string found)
        : base($"{origin}:{line}:{column}: expected {expected}, found {found}")
    {
        Origin = origin;
        Line = line;
        Column = column;
        Expected = expected;
        Found = found;
    }

    /// <summary>Creates the exception without a message (serialization/analyzer convention).</summary>
    public HoconParseException()
        : this("<unknown>", 0, 0, "valid HOCON", "an error")
    {
    }

    /// <summary>Creates the exception with a free message.</summary>
    public HoconParseException(string message)
        : base(message)
    {
        Origin = "<unknown>";
        Expected = string.Empty;
        Found = string.Empty;
    }

    /// <summary>Creates the exception with a free message and an inner exception.</summary>
    public HoconParseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Origin = "<unknown>";
        Expected = string.Empty;
        Found = string.Empty;
    }

    /// <summary>The source name (file path, resource name or "&lt;string&gt;").</summary>
    public string Origin { get; }

    /// <summary>1-based line of the error.</summary>
    public int Line { get; }

    /// <summary>1-based column of the error.</summary>
    public int Column { get; }

    /// <summary>What the parser expected at this position.</summary>
    public string Expected { get; }

    /// <summary>What the parser found instead.</summary>
    public string Found { get; }
}
