namespace Serenity.MarketData;

/// <summary>A source of market data: the Alpaca stream, the simulator or a replay. All speak the same types.</summary>
public interface IMarketDataFeed
{
    /// <summary>The feed's messages in order, until it ends or <paramref name="cancellationToken"/> fires.</summary>
    IAsyncEnumerable<MarketDataMessage> ReadAllAsync(CancellationToken cancellationToken = default);
}
