namespace Serenity.Hocon;

/// <summary>A token with its 1-based position.</summary>
internal sealed record HoconToken(HoconTokenKind Kind, string Text, int Line, int Column)
{
    /// <summary>Keys of a substitution's path.</summary>
    public IReadOnlyList<string> Path { get; init; } = [];

    /// <summary>True for <c>${?...}</c>.</summary>
    public bool Optional { get; init; }

    /// <summary>Describes the token for "found ..." in error messages.</summary>
    public string Describe() => Kind switch
    {
        HoconTokenKind.EndOfFile => "end of file",
        HoconTokenKind.Newline => "newline",
        HoconTokenKind.Whitespace => "whitespace",
        HoconTokenKind.Quoted => "\"" + Shorten(Text) + "\"",
        HoconTokenKind.Substitution => Text,
        _ => "'" + Shorten(Text) + "'",
    };

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "..." : text;
}
