namespace Serenity.Persistence.Tests.Contract;

/// <summary>Builds the HOCON that makes an actor system use a plugin.</summary>
public static class PluginConfig
{
    /// <summary>Journal and snapshot store set to the given plugin sections (bodies with <c>class</c> and settings).</summary>
    public static string System(string journalSection, string snapshotSection) => $$"""
        serenity.persistence.journal {
          plugin = under-test
          under-test { {{journalSection}} }
        }
        serenity.persistence.snapshot-store {
          plugin = under-test
          under-test { {{snapshotSection}} }
        }
        """;

    /// <summary>A journal section for <see cref="ControlledJournalStore"/> wrapping the plugin of <paramref name="innerSection"/>.</summary>
    public static string Controlled(string innerSection) => $$"""
        class = {{Quote(ClassName(typeof(ControlledJournalStore)))}}
        inner { {{innerSection}} }
        """;

    /// <summary>The <c>class</c> value naming <paramref name="type"/>: "Namespace.Type, Assembly".</summary>
    public static string ClassName(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return $"{type.FullName}, {type.Assembly.GetName().Name}";
    }

    /// <summary>A HOCON quoted string (file paths, connection strings).</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }
}
