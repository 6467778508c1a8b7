namespace Serenity.Hocon;

/// <summary>The kind of a <see cref="HoconScalar"/>.</summary>
internal enum HoconScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>A string, number (original text kept), boolean or null.</summary>
internal sealed class HoconScalar : HoconValue
{
    public HoconScalar(HoconScalarKind kind, string text, HoconOrigin origin, bool isWhitespace = false)
        : base(origin)
    {
        Kind = kind;
        Text = text;
        IsWhitespace = isWhitespace;
    }

    public HoconScalarKind Kind { get; }

    /// <summary>The string content, or the number/boolean/null as written.</summary>
    public string Text { get; }

    /// <summary>True for whitespace between the parts of a value concatenation.</summary>
    public bool IsWhitespace { get; }

    public static HoconScalar String(string text, HoconOrigin origin) => new(HoconScalarKind.String, text, origin);

    public override string Describe() => Kind == HoconScalarKind.Null ? "null" : $"'{Text}'";
}
