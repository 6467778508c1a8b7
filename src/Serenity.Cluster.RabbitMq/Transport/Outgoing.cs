using RabbitMQ.Client;

namespace Serenity.Cluster.RabbitMq.Transport;

/// <summary>
/// One message for the publish pump; <see cref="Done"/> (if any) completes once the broker confirmed it. A message
/// with an <see cref="Item"/> may travel in one AMQP message with others for the same routing key (see
/// <see cref="BatchCodec"/>); <see cref="Properties"/> and <see cref="Body"/> are its form when it travels alone.
/// </summary>
internal sealed record Outgoing(string Exchange, string RoutingKey, BasicProperties Properties, byte[] Body, TaskCompletionSource? Done = null, BatchItem? Item = null);
