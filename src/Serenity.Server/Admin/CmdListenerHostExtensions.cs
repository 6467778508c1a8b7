using Serenity.Server.Hosting;

namespace Serenity.Server.Admin;

/// <summary>Starts the <c>pbm</c> admin listener beside a running <see cref="SerenityHost"/>.</summary>
public static class CmdListenerHostExtensions
{
    /// <summary>
    /// Starts <paramref name="host"/>'s admin listener on <c>serenity.cmd.host:port</c> (or <paramref name="settings"/>);
    /// null when <c>serenity.cmd.enabled = off</c>. It stops when disposed or when the host's actor system terminates.
    /// </summary>
    public static Task<CmdListener?> StartCmdListenerAsync(this SerenityHost host, CmdSettings? settings = null, CmdListenerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        return CmdListener.StartAsync(host.Context, settings, options, cancellationToken);
    }
}
