namespace Serenity.Cmd.Catalog;

/// <summary>What kind of value an option takes.</summary>
internal enum OptionKind
{
    /// <summary>No value: present or not.</summary>
    Flag,

    /// <summary>Any text.</summary>
    Text,

    /// <summary>A whole number from <see cref="OptionSpec.Min"/> to <see cref="OptionSpec.Max"/>.</summary>
    Number,
}

/// <summary>One option of a command: <c>--name</c> (and <c>-s</c>), its value, and what it is for.</summary>
internal sealed record OptionSpec(string Name, string? Short, OptionKind Kind, string Description)
{
    /// <summary>How the value is named in help (<c>&lt;n&gt;</c>).</summary>
    public string ValueName { get; init; } = "value";

    /// <summary>The values it accepts, when they are a fixed set (lower case).</summary>
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>Whether the command needs it.</summary>
    public bool Required { get; init; }

    /// <summary>Least number accepted (<see cref="OptionKind.Number"/>).</summary>
    public int Min { get; init; } = 1;

    /// <summary>Greatest number accepted (<see cref="OptionKind.Number"/>).</summary>
    public int Max { get; init; } = int.MaxValue;

    /// <summary>The long form: <c>--name</c>.</summary>
    public string Long => "--" + Name;

    /// <summary>How help shows it: <c>-d|--depth &lt;n&gt;</c>.</summary>
    public string Usage => (Short is null ? "" : "-" + Short + "|") + Long + (Kind == OptionKind.Flag ? "" : $" <{ValueName}>");

    /// <summary>Whether <paramref name="token"/> names this option.</summary>
    public bool Matches(string token) => token == Long || (Short is not null && token == "-" + Short);
}
