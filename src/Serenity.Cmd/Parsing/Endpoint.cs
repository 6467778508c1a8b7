using System.Globalization;

namespace Serenity.Cmd.Parsing;

/// <summary>A node's admin listener: <c>host:port</c>.</summary>
internal sealed record Endpoint(string Host, int Port)
{
    /// <summary>Where nodes listen unless told otherwise: <c>127.0.0.1:9110</c>.</summary>
    public static readonly Endpoint Default = new("127.0.0.1", 9110);

    /// <summary>The listener's base address.</summary>
    public Uri BaseUri => new($"http://{Host}:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>Whether <paramref name="text"/> is meant as an address: it has a colon (<c>host:port</c>, <c>[::1]:9110</c>).</summary>
    public static bool LooksLikeEndpoint(string text) => text.Contains(':', StringComparison.Ordinal) && !text.StartsWith('-');

    /// <summary>Parses <c>host:port</c>; null with <paramref name="problem"/> set when it is not one.</summary>
    public static Endpoint? Parse(string text, out string? problem)
    {
        problem = null;
        var colon = text.LastIndexOf(':');
        var host = colon > 0 ? text[..colon] : "";
        var portText = colon >= 0 ? text[(colon + 1)..] : "";
        if (host.Length == 0 || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            problem = $"'{text}' is not a node address: expected host:port, like 127.0.0.1:9110";
            return null;
        }
        return new Endpoint(host, port);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
