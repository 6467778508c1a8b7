namespace Serenity.MarketData.Alpaca;

/// <summary>What happens to the connection (for logs, health checks and tests); data goes elsewhere.</summary>
public abstract record StreamEvent;

/// <summary>A connection attempt starts.</summary>
public sealed record StreamConnecting(int Attempt) : StreamEvent;

/// <summary>The server said <c>connected</c>; the client authenticates.</summary>
public sealed record StreamConnected : StreamEvent;

/// <summary>Authenticated; the client (re-)subscribes its whole symbol set.</summary>
public sealed record StreamAuthenticated : StreamEvent;

/// <summary>The server confirmed this whole subscription set.</summary>
public sealed record StreamSubscribed(SubscriptionSet Subscription) : StreamEvent;

/// <summary>The server sent an error; <paramref name="Reaction"/> is what the client does about it.</summary>
public sealed record StreamErrorReceived(StreamError Error, ErrorReaction Reaction) : StreamEvent;

/// <summary>No frame within the stall timeout: the connection is dropped.</summary>
public sealed record StreamStalled(TimeSpan Silence) : StreamEvent;

/// <summary>The connection ended (server close, network error, stall, error reaction).</summary>
public sealed record StreamDisconnected(string Reason) : StreamEvent;

/// <summary>The client waits <paramref name="Delay"/> before attempt <paramref name="Attempt"/>.</summary>
public sealed record StreamReconnecting(int Attempt, TimeSpan Delay) : StreamEvent;

/// <summary>The client stopped (disposed, or an error a retry cannot fix).</summary>
public sealed record StreamStopped(Exception? Error) : StreamEvent;
