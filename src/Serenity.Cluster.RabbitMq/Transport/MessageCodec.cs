using System.Text.Json.Serialization;
using Serenity.Persistence.Serialization;

namespace Serenity.Cluster.RabbitMq.Transport;

/// <summary>A failure an entity answered with (<c>Status.Failure</c>), carried as its message.</summary>
/// <param name="Message">The exception's message.</param>
/// <param name="ExceptionType">The exception's type name.</param>
public sealed record RemoteFailure(string Message, string ExceptionType);

/// <summary>An entity on another node answered with a failure.</summary>
public sealed class RemoteEntityException(string message, string exceptionType) : Exception($"{exceptionType}: {message}")
{
    /// <summary>The remote exception's type name.</summary>
    public string ExceptionType { get; } = exceptionType;
}

[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(RemoteFailure))]
internal sealed partial class ClusterJsonContext : JsonSerializerContext;

/// <summary>
/// Messages on the wire: the persistence serializer registry's manifest and JSON bytes, so the same
/// registrations serve the journal and the cluster. Strings and failures are registered here.
/// </summary>
internal sealed class MessageCodec
{
    private readonly EventSerialization _serialization;

    public MessageCodec(EventSerialization serialization)
    {
        _serialization = serialization;
        TryRegister(() => serialization.Register("serenity.string.v1", ClusterJsonContext.Default.String));
        TryRegister(() => serialization.Register("serenity.remote-failure.v1", ClusterJsonContext.Default.RemoteFailure));
    }

    /// <summary>Manifest and bytes; an unregistered type throws <see cref="NotRegisteredException"/>.</summary>
    public (string Manifest, byte[] Body) Encode(object message) => message switch
    {
        Serenity.Actors.Status.Failure f => _serialization.Serialize(new RemoteFailure(f.Cause.Message, f.Cause.GetType().Name)),
        _ => _serialization.Serialize(message),
    };

    /// <summary>The message back; a remote failure becomes a <c>Status.Failure</c>.</summary>
    public object Decode(string manifest, ReadOnlyMemory<byte> body, string what)
    {
        var value = _serialization.Deserialize(manifest, body, what, 0);
        return value is RemoteFailure r ? new Serenity.Actors.Status.Failure(new RemoteEntityException(r.Message, r.ExceptionType)) : value;
    }

    private static void TryRegister(Action register)
    {
        try
        {
            register();
        }
        catch (ArgumentException)
        {
            // Registered already (another provider instance on the same registry).
        }
    }
}
