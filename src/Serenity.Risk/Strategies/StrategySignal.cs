using System.Text.Json.Serialization;

namespace Serenity.Risk.Strategies;

/// <summary>Enter (buy) or exit (sell what was entered).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SignalKind>))]
public enum SignalKind
{
    /// <summary>Open the position.</summary>
    Entry,

    /// <summary>Close the position.</summary>
    Exit,
}

/// <summary>A strategy's decision at one bar.</summary>
/// <param name="Strategy">The strategy's name.</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Kind">Entry or exit.</param>
/// <param name="Timestamp">The timestamp of the bar that triggered it.</param>
/// <param name="Quantity">Shares to buy (entry) or sell (exit).</param>
/// <param name="Reason">Human-readable cause, with the figures.</param>
public sealed record StrategySignal(string Strategy, string Symbol, SignalKind Kind, DateTime Timestamp, decimal Quantity, string Reason);
