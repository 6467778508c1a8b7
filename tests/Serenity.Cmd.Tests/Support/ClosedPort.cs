using System.Net;
using System.Net.Sockets;

namespace Serenity.Cmd.Tests.Support;

/// <summary>A loopback port nothing listens on (bound, then released).</summary>
public static class ClosedPort
{
    /// <summary><c>127.0.0.1:port</c> of a port just freed.</summary>
    public static string Address()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return $"127.0.0.1:{((IPEndPoint)socket.LocalEndPoint!).Port}";
    }
}
