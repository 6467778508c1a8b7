using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Serenity.Persistence.Serialization;

/// <summary>
/// Maps event and snapshot types to stable manifests (<c>name.v1</c>) and bytes, with System.Text.Json
/// (source-generated type info for speed). A manifest that is no longer current can be given an
/// upcaster that turns its old bytes into today's event. Thread-safe once registration is done.
/// </summary>
public sealed class EventSerialization
{
    private readonly Dictionary<Type, Entry> _byType = [];
    private readonly Dictionary<string, Func<ReadOnlyMemory<byte>, object>> _readers = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="manifest"/> with source-generated type info.</summary>
    public void Register<T>(string manifest, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        Add(typeof(T), manifest, v => JsonSerializer.SerializeToUtf8Bytes((T)v, typeInfo), (v, w) => JsonSerializer.Serialize(w, (T)v, typeInfo), typeInfo.Options, b => JsonSerializer.Deserialize(b.Span, typeInfo)!);
    }

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="manifest"/> with reflection-based JSON.</summary>
    public void Register<T>(string manifest, JsonSerializerOptions? options = null)
    {
        Add(typeof(T), manifest, v => JsonSerializer.SerializeToUtf8Bytes((T)v, options), (v, w) => JsonSerializer.Serialize(w, (T)v, options), options ?? JsonSerializerOptions.Default, b => JsonSerializer.Deserialize<T>(b.Span, options)!);
    }

    /// <summary>Reads events stored under an old <paramref name="manifest"/> by converting them to a current event.</summary>
    public void RegisterUpcaster(string manifest, Func<ReadOnlyMemory<byte>, object> upcast)
    {
        ArgumentException.ThrowIfNullOrEmpty(manifest);
        ArgumentNullException.ThrowIfNull(upcast);
        lock (_gate)
        {
            if (!_readers.TryAdd(manifest, upcast)) throw new ArgumentException($"manifest '{manifest}' is already registered", nameof(manifest));
        }
    }

    /// <summary>The manifest of a registered type.</summary>
    public string ManifestOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return EntryFor(type).Manifest;
    }

    /// <summary>Serializes a registered value; an unregistered type throws <see cref="NotRegisteredException"/>.</summary>
    public (string Manifest, byte[] Payload) Serialize(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var entry = EntryFor(value.GetType());
        return (entry.Manifest, entry.Write(value));
    }

    /// <summary>Serializes a registered value into <paramref name="output"/> (the same bytes as <see cref="Serialize"/>); its manifest.</summary>
    public string SerializeTo(object value, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(output);
        var entry = EntryFor(value.GetType());
        using var writer = new Utf8JsonWriter(output, entry.WriterOptions);
        entry.WriteTo(value, writer);
        return entry.Manifest;
    }

    /// <summary>
    /// Deserializes a stored payload. Unknown manifests and unreadable payloads throw
    /// <see cref="EventDeserializationException"/> naming the persistence id, sequence nr and manifest.
    /// </summary>
    public object Deserialize(string manifest, ReadOnlyMemory<byte> payload, string persistenceId, long sequenceNr)
    {
        Func<ReadOnlyMemory<byte>, object>? read;
        lock (_gate) _readers.TryGetValue(manifest, out read);
        if (read is null)
        {
            throw new EventDeserializationException(persistenceId, sequenceNr, manifest, "unknown manifest (no type or upcaster registered for it)");
        }
        try
        {
            return read(payload) ?? throw new JsonException("payload is null");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or InvalidCastException)
        {
            throw new EventDeserializationException(persistenceId, sequenceNr, manifest, $"corrupt payload: {e.Message}", e);
        }
    }

    private Entry EntryFor(Type type)
    {
        lock (_gate)
        {
            return _byType.TryGetValue(type, out var entry) ? entry : throw new NotRegisteredException(type);
        }
    }

    private void Add(Type type, string manifest, Func<object, byte[]> write, Action<object, Utf8JsonWriter> writeTo, JsonSerializerOptions options, Func<ReadOnlyMemory<byte>, object> read)
    {
        ArgumentException.ThrowIfNullOrEmpty(manifest);
        lock (_gate)
        {
            if (_byType.TryGetValue(type, out var existing) && existing.Manifest != manifest)
            {
                throw new ArgumentException($"{type.Name} is already registered as '{existing.Manifest}'", nameof(manifest));
            }
            if (_readers.ContainsKey(manifest) && !_byType.ContainsKey(type))
            {
                throw new ArgumentException($"manifest '{manifest}' is already registered for another type", nameof(manifest));
            }
            // The writer options SerializeToUtf8Bytes derives from the serializer options, so both ways give the same bytes.
            var writerOptions = new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented, MaxDepth = options.MaxDepth, SkipValidation = true };
            _byType[type] = new Entry(manifest, write, writeTo, writerOptions);
            _readers[manifest] = read;
        }
    }

    private sealed record Entry(string Manifest, Func<object, byte[]> Write, Action<object, Utf8JsonWriter> WriteTo, JsonWriterOptions WriterOptions);
}

/// <summary>An event or snapshot type has no manifest registered: it cannot be stored (the write is rejected).</summary>
public sealed class NotRegisteredException(Type type)
    : Exception($"{type.FullName} has no registered manifest; register it with Persistence.Get(system).Serialization.Register<{type.Name}>(\"name.v1\", ...)")
{
    /// <summary>The unregistered type.</summary>
    public Type Type { get; } = type;
}

/// <summary>A stored event or snapshot could not be read back.</summary>
public sealed class EventDeserializationException(string persistenceId, long sequenceNr, string manifest, string reason, Exception? inner = null)
    : Exception($"cannot read event {sequenceNr} of persistence id '{persistenceId}' (manifest '{manifest}'): {reason}", inner)
{
    /// <summary>The entity.</summary>
    public string PersistenceId { get; } = persistenceId;

    /// <summary>The event's sequence number.</summary>
    public long SequenceNr { get; } = sequenceNr;

    /// <summary>The stored manifest.</summary>
    public string Manifest { get; } = manifest;
}
