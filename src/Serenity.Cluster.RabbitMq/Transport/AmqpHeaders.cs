using System.Text;
using RabbitMQ.Client;

namespace Serenity.Cluster.RabbitMq.Transport;

/// <summary>Reading and writing the few header fields the cluster uses.</summary>
internal static class AmqpHeaders
{
    /// <summary>The entity id of a shard message.</summary>
    public const string EntityId = "entity-id";

    /// <summary>A string header (RabbitMQ hands strings back as bytes).</summary>
    public static string? Get(IReadOnlyBasicProperties properties, string name) =>
        properties.Headers is { } headers && headers.TryGetValue(name, out var v)
            ? v switch
            {
                byte[] b => Encoding.UTF8.GetString(b),
                string s => s,
                _ => null,
            }
            : null;
}
