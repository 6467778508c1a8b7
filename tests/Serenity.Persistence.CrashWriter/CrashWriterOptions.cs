using System.Globalization;

namespace Serenity.Persistence.CrashWriter;

/// <summary>The command line: which plugin over which storage, how many actors, how big a batch, how long at most.</summary>
internal sealed record CrashWriterOptions(string PluginConfig, int Actors, int DeferredActors, int BatchSize, TimeSpan MaxRunTime)
{
    public const string Usage = "usage: Serenity.Persistence.CrashWriter (--plugin sqlite --path <file> | --plugin postgresql --connection-string <cs> --schema <name>) [--actors N] [--deferred-actors N] [--batch-size N] [--max-seconds N]";

    public static CrashWriterOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length) throw new ArgumentException($"expected '--option value' at '{args[i]}'");
            values[args[i]] = args[i + 1];
        }
        string Required(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"{name} is required");
        int Number(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new CrashWriterOptions(
            SelectPlugin(Required("--plugin"), Required),
            Number("--actors", 50),
            Number("--deferred-actors", 0),
            Number("--batch-size", 5),
            TimeSpan.FromSeconds(Number("--max-seconds", 60)));
    }

    /// <summary>HOCON selecting the plugin for the journal and the snapshot store. One case per plugin.</summary>
    private static string SelectPlugin(string plugin, Func<string, string> required) => plugin switch
    {
        "sqlite" => Select(plugin, $"path = {Quote(required("--path"))}"),
        "postgresql" => Select(plugin, $"connection-string = {Quote(required("--connection-string"))}, schema = {Quote(required("--schema"))}"),
        _ => throw new ArgumentException($"unknown plugin '{plugin}'"),
    };

    private static string Select(string plugin, string settings) => $$"""
        serenity.persistence.journal { plugin = {{plugin}}, {{plugin}} { {{settings}} } }
        serenity.persistence.snapshot-store { plugin = {{plugin}}, {{plugin}} { {{settings}} } }
        """;

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
