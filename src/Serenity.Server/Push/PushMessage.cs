namespace Serenity.Server.Push;

/// <summary>A server-to-client WebSocket message: <c>{"type": ..., "data": ...}</c>.</summary>
public sealed record PushMessage(string Type, object Data);

/// <summary>The symbols a connection follows now (answer to subscribe and unsubscribe).</summary>
public sealed record SubscribedData(IReadOnlyList<string> Symbols);
