using System.Text.Json;
using System.Text.Json.Serialization;

namespace Serenity.MarketData.Wire;

/// <summary><see cref="Conditions"/> as a JSON array of codes (it is a read-only list, which JSON cannot build by itself).</summary>
public sealed class ConditionsJsonConverter : JsonConverter<Conditions>
{
    /// <inheritdoc />
    public override Conditions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("expected an array of condition codes");
        var codes = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            codes.Add(reader.GetString() ?? throw new JsonException("a condition code is null"));
        }
        return codes.Count == 0 ? Conditions.None : new Conditions(codes);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Conditions value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var code in value) writer.WriteStringValue(code);
        writer.WriteEndArray();
    }
}
