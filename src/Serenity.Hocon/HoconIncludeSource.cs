namespace Serenity.Hocon;

/// <summary>How an include names its target.</summary>
internal enum HoconIncludeKind
{
    /// <summary><c>include "name"</c>: the including document decides what the name means.</summary>
    Heuristic,
    File,
    Classpath,
    Url,
}

/// <summary>The text of an included document and how to resolve its own includes.</summary>
internal sealed record HoconIncludeResult(string Text, string Origin, string Identity, HoconIncludeSource Nested);

/// <summary>Finds the documents named by <c>include</c> statements.</summary>
internal abstract class HoconIncludeSource
{
    /// <summary>Opens the included document, or returns null when it does not exist.</summary>
    public abstract HoconIncludeResult? Open(HoconIncludeKind kind, string name);

    /// <summary>Describes where a missing include was looked for, for error messages.</summary>
    public abstract string DescribeMissing(HoconIncludeKind kind, string name);
}
