using System.Text.Json.Serialization;
using Serenity.Persistence.Serialization;
using Serenity.Risk.Entities.Strategies;

namespace Serenity.Risk.Entities;

/// <summary>
/// JSON source generation for the Risk commands, replies and published messages that cross nodes in cluster mode.
/// Fractions may be NaN (no portfolio value yet), so named floating-point literals are allowed.
/// </summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(GetRisk))]
[JsonSerializable(typeof(GetRiskSnapshot))]
[JsonSerializable(typeof(RiskView))]
[JsonSerializable(typeof(RiskSnapshot))]
[JsonSerializable(typeof(EnableStrategy))]
[JsonSerializable(typeof(DisableStrategy))]
[JsonSerializable(typeof(GetStrategies))]
[JsonSerializable(typeof(StrategiesView))]
[JsonSerializable(typeof(GetSignals))]
[JsonSerializable(typeof(SignalsView))]
[JsonSerializable(typeof(SignalUpdated))]
internal sealed partial class RiskWireJsonContext : JsonSerializerContext;

/// <summary>
/// Registers the Risk and strategy commands and replies and what the risk side publishes (<c>risk.{user}</c>,
/// <c>signals.{user}</c>) under stable manifests (<c>risk.msg.*.v1</c>), so the cluster provider carries them.
/// </summary>
public static class RiskWireSerialization
{
    /// <summary>Registers every Risk wire type with <paramref name="serialization"/> (idempotent).</summary>
    public static void Register(EventSerialization serialization)
    {
        ArgumentNullException.ThrowIfNull(serialization);
        var c = RiskWireJsonContext.Default;
        serialization.Register("risk.msg.get-risk.v1", c.GetRisk);
        serialization.Register("risk.msg.get-risk-snapshot.v1", c.GetRiskSnapshot);
        serialization.Register("risk.msg.risk-view.v1", c.RiskView);
        serialization.Register("risk.msg.risk-snapshot.v1", c.RiskSnapshot);
        serialization.Register("risk.msg.enable-strategy.v1", c.EnableStrategy);
        serialization.Register("risk.msg.disable-strategy.v1", c.DisableStrategy);
        serialization.Register("risk.msg.get-strategies.v1", c.GetStrategies);
        serialization.Register("risk.msg.strategies-view.v1", c.StrategiesView);
        serialization.Register("risk.msg.get-signals.v1", c.GetSignals);
        serialization.Register("risk.msg.signals-view.v1", c.SignalsView);
        serialization.Register("risk.msg.signal-updated.v1", c.SignalUpdated);
    }
}
