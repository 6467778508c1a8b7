using System.Text.Json.Serialization;
using Serenity.Actors;
using Serenity.MarketData.Wire;
using Serenity.Risk.Entities.Strategies;

namespace Serenity.Risk.Entities;

/// <summary>JSON source generation for every persisted Risk type.</summary>
[JsonSerializable(typeof(StrategyEnabled))]
[JsonSerializable(typeof(StrategyDisabled))]
[JsonSerializable(typeof(SignalRecorded))]
[JsonSerializable(typeof(SignalSettled))]
[JsonSerializable(typeof(StrategySnapshot))]
internal sealed partial class RiskJsonContext : JsonSerializerContext;

/// <summary>Registers the Risk events and snapshots with the persistence serializer, and the types that cross nodes.</summary>
public static class RiskSerialization
{
    /// <summary>Registers every event and snapshot type under a stable manifest.</summary>
    public static void Register(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var s = Serenity.Persistence.Persistence.Get(system).Serialization;
        var c = RiskJsonContext.Default;
        s.Register("risk.strategy-enabled.v1", c.StrategyEnabled);
        s.Register("risk.strategy-disabled.v1", c.StrategyDisabled);
        s.Register("risk.signal-recorded.v1", c.SignalRecorded);
        s.Register("risk.signal-settled.v1", c.SignalSettled);
        s.Register("risk.strategy-snapshot.v1", c.StrategySnapshot);
        RiskWireSerialization.Register(s);
        MarketDataSerialization.Register(s); // the hub and the strategy runners follow bars.{SYM}
    }
}
