namespace Serenity.Risk.Entities.Strategies;

/// <summary>A strategy was enabled (or replaced) on a symbol.</summary>
public sealed record StrategyEnabled(string Symbol, string Strategy, decimal Quantity, DateTime Timestamp);

/// <summary>A symbol's strategy was disabled.</summary>
public sealed record StrategyDisabled(string Symbol, DateTime Timestamp);

/// <summary>A strategy signalled; its order (if any) is pending until <see cref="SignalSettled"/>.</summary>
public sealed record SignalRecorded(SignalView Signal);

/// <summary>The account answered a signal's order.</summary>
public sealed record SignalSettled(string ClientOrderId, bool Accepted, string? OrderId, decimal FilledQuantity, decimal? FillPrice, string? RejectReason);

/// <summary>One symbol's strategy as persisted.</summary>
public sealed record StrategyEntry(string Symbol, string Strategy, decimal Quantity, bool Enabled, bool InPosition, decimal HeldQuantity);

/// <summary>A strategy runner's whole state.</summary>
public sealed record StrategySnapshot(IReadOnlyList<StrategyEntry> Strategies, IReadOnlyList<SignalView> Signals);
