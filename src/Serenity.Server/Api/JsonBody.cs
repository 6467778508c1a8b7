using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Serenity.Server.Api;

/// <summary>
/// A request's JSON object, read field by field so that every problem names its JSON field
/// (<see cref="ApiException.BadRequest"/>). Unknown fields are ignored.
/// </summary>
public sealed class JsonBody : IDisposable
{
    /// <summary>Largest body read (64 KiB).</summary>
    public const int MaxBytes = 64 * 1024;

    private readonly JsonDocument _document;

    private JsonBody(JsonDocument document) => _document = document;

    /// <summary>Reads the request body as one JSON object.</summary>
    public static async Task<JsonBody> ReadAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength is > MaxBytes) throw ApiException.BadRequest("body", $"the body is larger than {MaxBytes} bytes");
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest("body", $"the body is not valid JSON: {e.Message}");
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw ApiException.BadRequest("body", "the body must be a JSON object");
        }
        return new JsonBody(document);
    }

    /// <summary>Parses a JSON object from text (the WebSocket's messages).</summary>
    public static JsonBody Parse(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest("message", $"not valid JSON: {e.Message}");
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw ApiException.BadRequest("message", "a message must be a JSON object");
        }
        return new JsonBody(document);
    }

    /// <summary>A required string field.</summary>
    public string RequiredString(string field) =>
        OptionalString(field) is { Length: > 0 } value ? value : throw ApiException.BadRequest(field, $"{field} is required");

    /// <summary>A string field, or null when absent or null.</summary>
    public string? OptionalString(string field)
    {
        if (!TryGet(field, out var e)) return null;
        return e.ValueKind == JsonValueKind.String ? e.GetString() : throw ApiException.BadRequest(field, $"{field} must be a string");
    }

    /// <summary>A decimal number field, or null when absent or null.</summary>
    public decimal? OptionalDecimal(string field)
    {
        if (!TryGet(field, out var e)) return null;
        if (e.ValueKind != JsonValueKind.Number) throw ApiException.BadRequest(field, $"{field} must be a number");
        return e.TryGetDecimal(out var value) ? value : throw ApiException.BadRequest(field, $"{field} is out of range");
    }

    /// <summary>A required decimal number field.</summary>
    public decimal RequiredDecimal(string field) => OptionalDecimal(field) ?? throw ApiException.BadRequest(field, $"{field} is required");

    /// <summary>A list of strings, or null when absent or null.</summary>
    public IReadOnlyList<string>? OptionalStringList(string field)
    {
        if (!TryGet(field, out var e)) return null;
        if (e.ValueKind != JsonValueKind.Array) throw ApiException.BadRequest(field, $"{field} must be an array of strings");
        var list = new List<string>(e.GetArrayLength());
        foreach (var item in e.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw ApiException.BadRequest(field, $"{field} must be an array of strings");
            list.Add(item.GetString()!);
        }
        return list;
    }

    /// <inheritdoc />
    public void Dispose() => _document.Dispose();

    private bool TryGet(string field, out JsonElement element) =>
        _document.RootElement.TryGetProperty(field, out element) && element.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
}
