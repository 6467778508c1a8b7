using System.Net;
using System.Net.Sockets;

namespace Serenity.TestSupport.PostgreSql;

/// <summary>A loopback port that was free a moment ago (the caller retries if someone takes it first).</summary>
internal static class FreeTcpPort
{
    /// <summary>A port on 127.0.0.1 that the kernel just handed out and released.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
