using System.Text.Json.Serialization;
using Serenity.Actors;
using Serenity.MarketData.Wire;
using Serenity.Persistence.Serialization;

namespace Serenity.Tickstore.Filling;

/// <summary>JSON source generation for the live bar recorder's messages.</summary>
[JsonSerializable(typeof(FlushBars))]
[JsonSerializable(typeof(BarsFlushed))]
internal sealed partial class TickstoreWireJsonContext : JsonSerializerContext;

/// <summary>
/// Registers the live bar recorder's question and answer (<c>tickstore.msg.*.v1</c>) and the bars it follows
/// (<c>bars.{SYM}</c>, <see cref="MarketDataSerialization"/>), so a recorder can be asked and fed from any node.
/// </summary>
public static class TickstoreSerialization
{
    /// <summary>Registers with <paramref name="system"/>'s serializer registry (idempotent; cluster mode only: nothing else serializes them).</summary>
    public static void Register(ActorSystem system)
        => ClusterWire.RegisterWhenClustered(system, Register);

    /// <summary>Registers with <paramref name="serialization"/> (idempotent).</summary>
    public static void Register(EventSerialization serialization)
    {
        ArgumentNullException.ThrowIfNull(serialization);
        var c = TickstoreWireJsonContext.Default;
        serialization.Register("tickstore.msg.flush-bars.v1", c.FlushBars);
        serialization.Register("tickstore.msg.bars-flushed.v1", c.BarsFlushed);
        MarketDataSerialization.Register(serialization);
    }
}
