namespace Serenity.Cmd.Client;

/// <summary>The node could not be reached (connection refused, name not found, no answer in time).</summary>
internal sealed class NodeUnreachableException(string endpoint, string error, Exception? inner = null) : Exception($"cannot reach the node at {endpoint}: {error}", inner)
{
    /// <summary>The node's host:port.</summary>
    public string Endpoint { get; } = endpoint;
}

/// <summary>The node answered with a failure; <see cref="Exception.Message"/> is its reason.</summary>
internal sealed class CommandFailedException(int status, string reason) : Exception(reason)
{
    /// <summary>The HTTP status the node answered with.</summary>
    public int Status { get; } = status;
}
