namespace Serenity.Hocon;

/// <summary>Kinds of HOCON tokens.</summary>
internal enum HoconTokenKind
{
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Comma,

    /// <summary>'=' or ':'.</summary>
    Separator,
    PlusEquals,
    Newline,

    /// <summary>Spaces and tabs within a line (significant inside value concatenations).</summary>
    Whitespace,

    /// <summary>Unquoted text; '(' and ')' are emitted as their own unquoted tokens.</summary>
    Unquoted,

    /// <summary>A quoted or triple-quoted string; <see cref="HoconToken.Text"/> is the decoded content.</summary>
    Quoted,
    Substitution,
    EndOfFile,
}
