using RabbitMQ.Client;

namespace Serenity.Cluster.RabbitMq.Transport;

/// <summary>
/// One message for the publish pump; <see cref="Done"/> (if any) completes once the broker confirmed it. A message
/// with an <see cref="Item"/> always travels as a batch (see <see cref="BatchCodec"/>), alone or with others queued
/// for the same routing key meanwhile; its <see cref="Properties"/> then only give the batch's delivery mode and
/// reply-to, and <see cref="Body"/> is unused.
/// </summary>
internal sealed record Outgoing(string Exchange, string RoutingKey, BasicProperties Properties, byte[] Body, TaskCompletionSource? Done = null, BatchItem? Item = null);
