namespace Serenity.Hocon;

/// <summary>A <c>${path}</c> or <c>${?path}</c> reference, resolved after parsing.</summary>
internal sealed class HoconSubstitution : HoconValue
{
    public HoconSubstitution(
        HoconOrigin origin,
        string text,
        IReadOnlyList<string> path,
        bool optional,
        IReadOnlyList<string>? fallbackPath = null,
        IReadOnlyList<string>? definedAt = null,
        bool isPrevious = false)
        : base(origin)
    {
        Text = text;
        Path = path;
        Optional = optional;
        FallbackPath = fallbackPath;
        DefinedAt = definedAt;
        IsPrevious = isPrevious;
    }

    /// <summary>The substitution as written, e.g. <c>${?a.b}</c>.</summary>
    public string Text { get; }

    /// <summary>Absolute path looked up first (prefixed with the include location for included files).</summary>
    public IReadOnlyList<string> Path { get; }

    /// <summary>Path looked up second: the path as written, for substitutions in included files.</summary>
    public IReadOnlyList<string>? FallbackPath { get; }

    public bool Optional { get; }

    /// <summary>Full path of the field holding this substitution, when known (used to spot self-references).</summary>
    public IReadOnlyList<string>? DefinedAt { get; }

    /// <summary>True for the implicit <c>${?key}</c> of <c>key += value</c>.</summary>
    public bool IsPrevious { get; }

    /// <summary>Name of the environment variable consulted when the path is not in the configuration.</summary>
    public string EnvironmentName => string.Join('.', FallbackPath ?? Path);

    public override bool IsUnresolved => true;

    public override string Describe() => Text;
}
