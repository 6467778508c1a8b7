using Serenity.Server.Hosting;
using Serenity.Server.Logging;

namespace Serenity.Server.Admin;

/// <summary>Everything the <c>pbm</c> endpoints share: the node, the listener's settings, membership, the log ring, rates.</summary>
internal sealed class CmdContext(ServerContext server, CmdSettings settings, CmdListenerOptions options, IClusterAdmin cluster, LogRing log, MarketDataRates rates, string address)
{
    public ServerContext Server { get; } = server;

    public CmdSettings Settings { get; } = settings;

    public IClusterAdmin Cluster { get; } = cluster;

    public LogRing Log { get; } = log;

    public MarketDataRates Rates { get; } = rates;

    /// <summary>The listener's host:port.</summary>
    public string Address { get; } = address;

    public string? AdminToken { get; } = options.AdminToken ?? server.AdminToken;
}
