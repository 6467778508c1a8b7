namespace Serenity.MarketData;

/// <summary>Anything a market-data feed delivers: data about one symbol, or a control message of the feed.</summary>
public abstract record MarketDataMessage;

/// <summary>Data about one symbol at one instant (UTC, 100 ns resolution: nanoseconds on the wire are truncated).</summary>
public abstract record MarketEvent(string Symbol, DateTime Timestamp) : MarketDataMessage;
