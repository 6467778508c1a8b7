using System.Text.Json;
using System.Text.Json.Serialization;

namespace Serenity.Persistence.Sqlite;

/// <summary>The <c>tags</c> column: a JSON array of the event's distinct tags, or NULL when it has none.</summary>
internal static partial class TagsColumn
{
    public static string? Encode(IReadOnlyList<string> tags) =>
        tags.Count == 0 ? null : JsonSerializer.Serialize(Distinct(tags), TagsJson.Default.StringArray);

    public static IReadOnlyList<string> Decode(string? text) =>
        string.IsNullOrEmpty(text) ? [] : JsonSerializer.Deserialize(text, TagsJson.Default.StringArray) ?? [];

    /// <summary>Each tag once (the tag table has one entry per tag and event).</summary>
    public static string[] Distinct(IReadOnlyList<string> tags) => tags.Distinct(StringComparer.Ordinal).ToArray();

    [JsonSerializable(typeof(string[]))]
    private sealed partial class TagsJson : JsonSerializerContext;
}
