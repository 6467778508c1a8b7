using Serenity.MarketData;

namespace Serenity.Risk.Strategies;

/// <summary>
/// A trading strategy for one symbol, fed minute bars in time order; it returns a signal when it wants to
/// enter or exit. Implementations keep their own state and are owned by one actor (not thread-safe).
/// </summary>
public interface IStrategy
{
    /// <summary>The strategy's name, e.g. <c>sma-crossover</c>.</summary>
    string Name { get; }

    /// <summary>The symbol it trades.</summary>
    string Symbol { get; }

    /// <summary>True while the strategy holds the position it entered.</summary>
    bool InPosition { get; }

    /// <summary>Feeds the next bar; returns a signal or null.</summary>
    StrategySignal? OnBar(Bar bar);

    /// <summary>
    /// Tells the strategy whether it holds its position, as its runner knows from its journal (after a restart, or after a
    /// silent warm-up on stored bars): the next signal is then an exit when true, an entry when false.
    /// </summary>
    void Resume(bool inPosition);
}
