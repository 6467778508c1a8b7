namespace Serenity.MarketData.Alpaca;

/// <summary>How an <see cref="AlpacaStreamClient"/> connects and recovers.</summary>
public sealed record AlpacaStreamOptions
{
    /// <summary>The stream endpoint, e.g. <c>wss://stream.data.alpaca.markets/v2/iex</c>.</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>The key pair the client authenticates with.</summary>
    public required AlpacaCredentials Credentials { get; init; }

    /// <summary>Clock of every timer (backoff, stall watchdog); a virtual one in tests.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Waits between reconnects.</summary>
    public ReconnectBackoff Backoff { get; init; } = ReconnectBackoff.Default;

    /// <summary>Least wait after a 406 (connection limit): a half-dead old connection may hold the slot about 90 s.</summary>
    public TimeSpan ConnectionLimitBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>No frame at all for this long and the connection counts as dead: it is closed and reconnected.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>WebSocket ping interval (transport keep-alive, on the system clock).</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Messages buffered for a slow reader; when full the client stops reading the socket (backpressure).</summary>
    public int BufferCapacity { get; init; } = 65_536;

    /// <summary>Source of jitter (seed it for reproducible tests).</summary>
    public Random Random { get; init; } = Random.Shared;

    /// <summary>Most symbols named in one subscribe or unsubscribe message (the protocol allows 100).</summary>
    public int MaxSymbolsPerMessage { get; init; } = 100;
}
