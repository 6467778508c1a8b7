using System.Text.Json.Serialization;
using Serenity.Actors;
using Serenity.Persistence.Serialization;

namespace Serenity.MarketData.Wire;

/// <summary>JSON source generation for the market data that pub/sub carries between nodes.</summary>
[JsonSourceGenerationOptions(Converters = [typeof(ConditionsJsonConverter)])]
[JsonSerializable(typeof(Quote))]
[JsonSerializable(typeof(Trade))]
[JsonSerializable(typeof(Bar))]
[JsonSerializable(typeof(TradingStatus))]
internal sealed partial class MarketDataWireJsonContext : JsonSerializerContext;

/// <summary>
/// Registers what the market-data graph publishes (<c>quotes.*</c>, <c>trades.*</c>, <c>bars.*</c>,
/// <c>status.*</c>) under stable manifests, so the cluster provider carries it to subscribers on every node.
/// Idempotent; every consumer of these topics calls it (harmless with the local provider, which never serializes).
/// </summary>
public static class MarketDataSerialization
{
    /// <summary>Registers the published market-data types with <paramref name="system"/>'s serializer registry (cluster mode only: nothing else serializes them).</summary>
    public static void Register(ActorSystem system)
        => ClusterWire.RegisterWhenClustered(system, Register);

    /// <summary>Registers the published market-data types with <paramref name="serialization"/>.</summary>
    public static void Register(EventSerialization serialization)
    {
        ArgumentNullException.ThrowIfNull(serialization);
        var c = MarketDataWireJsonContext.Default;
        serialization.Register("market-data.quote.v1", c.Quote);
        serialization.Register("market-data.trade.v1", c.Trade);
        serialization.Register("market-data.bar.v1", c.Bar);
        serialization.Register("market-data.trading-status.v1", c.TradingStatus);
    }
}
