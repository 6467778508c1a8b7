using System.Text.Json;
using System.Text.Json.Serialization;

namespace Serenity.Server.Api;

/// <summary>The JSON conventions of the API: snake_case names, lower snake_case enum strings, nulls written.</summary>
public static class ServerJson
{
    /// <summary>The serializer options every endpoint and the WebSocket use.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the conventions to <paramref name="options"/>.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.NumberHandling = JsonNumberHandling.Strict;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
