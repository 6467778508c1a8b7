using Serenity.Persistence.Serialization;

namespace Serenity.TestSupport.Wire;

/// <summary>
/// What a message that crosses nodes must survive: serialized by its registered manifest and read back (as the
/// cluster provider does on the other node), it is the same type and writes the same bytes again.
/// </summary>
internal static class WireRoundTrip
{
    /// <summary>Round-trips <paramref name="message"/> and returns the copy the other node would get.</summary>
    public static T Assert<T>(EventSerialization serialization, T message, string manifestPrefix)
        where T : notnull
    {
        var (manifest, payload) = serialization.Serialize(message);
        var back = serialization.Deserialize(manifest, payload, "wire", 0);

        Xunit.Assert.StartsWith(manifestPrefix, manifest, StringComparison.Ordinal);
        Xunit.Assert.IsType(message.GetType(), back);
        Xunit.Assert.Equal(payload, serialization.Serialize(back).Payload);
        return (T)back;
    }
}
