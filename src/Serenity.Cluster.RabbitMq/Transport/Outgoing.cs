using RabbitMQ.Client;

namespace Serenity.Cluster.RabbitMq.Transport;

/// <summary>One message for the publish pump; <see cref="Done"/> (if any) completes once the broker confirmed it.</summary>
internal sealed record Outgoing(string Exchange, string RoutingKey, BasicProperties Properties, byte[] Body, TaskCompletionSource? Done = null);
