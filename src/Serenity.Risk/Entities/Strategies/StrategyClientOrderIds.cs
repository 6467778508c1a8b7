using System.Globalization;
using Serenity.Risk.Strategies;

namespace Serenity.Risk.Entities.Strategies;

/// <summary>
/// The client order id of a signal's order: the strategy, symbol, kind and bar minute, so the same signal seen again (a
/// redelivered bar, a restart, a re-submit after a timeout) can never trade twice: the account answers a repeated id
/// with the first result.
/// </summary>
public static class StrategyClientOrderIds
{
    /// <summary>E.g. <c>strat-sma-crossover-AAPL-entry-20260105T1431</c>.</summary>
    public static string For(string strategy, string symbol, SignalKind kind, DateTime barTimestamp) =>
        string.Create(CultureInfo.InvariantCulture, $"strat-{strategy}-{symbol}-{(kind == SignalKind.Entry ? "entry" : "exit")}-{barTimestamp:yyyyMMdd'T'HHmm}");
}
