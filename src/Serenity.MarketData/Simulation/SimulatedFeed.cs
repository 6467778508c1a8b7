using System.Runtime.CompilerServices;

namespace Serenity.MarketData.Simulation;

/// <summary>
/// The simulator as a feed: the market starts at the clock's "now" and each message is released when the
/// clock reaches its timestamp (real time, or virtual time in tests and backtests), or at once when not paced.
/// </summary>
public sealed class SimulatedFeed(SimulatorOptions options, TimeProvider? clock = null) : IMarketDataFeed
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <inheritdoc />
    public async IAsyncEnumerable<MarketDataMessage> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var simulator = new MarketSimulator(options, _clock.GetUtcNow().UtcDateTime);
        while (!cancellationToken.IsCancellationRequested)
        {
            var message = simulator.Next();
            if (options.Paced && message is MarketEvent e)
            {
                var wait = e.Timestamp - _clock.GetUtcNow().UtcDateTime;
                // Timers count whole milliseconds: round up so a message is never released before its time.
                if (wait > TimeSpan.Zero) await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), _clock, cancellationToken);
            }
            yield return message;
        }
    }
}
