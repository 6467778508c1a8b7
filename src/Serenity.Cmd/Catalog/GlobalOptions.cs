namespace Serenity.Cmd.Catalog;

/// <summary>Options every command takes.</summary>
internal static class GlobalOptions
{
    /// <summary>Prints the node's answer as JSON instead of tables.</summary>
    public static readonly OptionSpec Json = new("json", null, OptionKind.Flag, "print the node's answer as JSON (for scripts)");

    /// <summary>Prints the command's help.</summary>
    public static readonly OptionSpec Help = new("help", "h", OptionKind.Flag, "show this command's help");

    /// <summary>Both.</summary>
    public static IReadOnlyList<OptionSpec> All { get; } = [Json, Help];
}
