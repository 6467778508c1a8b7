using System.Text.Json;
using Serenity.Persistence.Serialization;
using Xunit;

namespace Serenity.Persistence.Tests;

public sealed class SerializeToTests
{
    private sealed record Holding(string Symbol, decimal Quantity, IReadOnlyList<string> Notes);

    [Theory]
    [InlineData(3)]
    [InlineData(5_000)] // ~150 KB: past the pooled writer's first buffer, so it grows and copies
    public void Writing_into_a_pooled_buffer_gives_the_same_bytes_and_manifest_as_serializing_to_an_array(int notes)
    {
        var serialization = new EventSerialization();
        serialization.Register<Holding>("holding.v1", new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var value = new Holding("AAPL", 12.5m, [.. Enumerable.Range(0, notes).Select(i => $"note \"{i}\" é")]);

        var (manifest, bytes) = serialization.Serialize(value);
        using var pooled = new PooledBufferWriter();
        var pooledManifest = serialization.SerializeTo(value, pooled);

        Assert.Equal(manifest, pooledManifest);
        Assert.Equal(bytes, pooled.WrittenMemory.ToArray());
        Assert.Equal(value.Notes, ((Holding)serialization.Deserialize(manifest, pooled.WrittenMemory, "p", 1)).Notes);
    }

    [Fact]
    public void Writing_an_unregistered_type_is_refused()
    {
        using var pooled = new PooledBufferWriter();

        Assert.Throws<NotRegisteredException>(() => new EventSerialization().SerializeTo(new Holding("X", 1m, []), pooled));
        Assert.True(pooled.WrittenMemory.IsEmpty);
    }
}
