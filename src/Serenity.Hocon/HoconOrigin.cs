namespace Serenity.Hocon;

/// <summary>Where a value or token was defined: source name and 1-based line and column.</summary>
internal readonly record struct HoconOrigin(string Source, int Line, int Column)
{
    /// <summary>Origin of synthesized values that come from no source text.</summary>
    public static readonly HoconOrigin None = new("<none>", 0, 0);

    /// <summary>"source:line", the form used by <see cref="Config.OriginOf"/> and error messages.</summary>
    public override string ToString() => $"{Source}:{Line}";
}
