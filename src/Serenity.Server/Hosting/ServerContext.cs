using Serenity.Actors;
using Serenity.MarketData.Configuration;
using Serenity.MarketData.Graph;
using Serenity.Server.Auth;
using Serenity.Server.Market;
using Serenity.Server.Observability;
using Serenity.Trading;

namespace Serenity.Server.Hosting;

/// <summary>Everything the endpoints share: the actor system, the entities, the market board, settings, tokens, metrics.</summary>
public sealed class ServerContext
{
    /// <summary>Creates the context.</summary>
    public ServerContext(ActorSystem system, TradingEntities entities, MarketDataIngest marketData, MarketBoard board, ServerSettings settings, TokenService tokens, string? adminToken, NodeFeatures? features = null)
    {
        Features = features;
        System = system;
        Entities = entities;
        Ingest = marketData;
        Board = board;
        Settings = settings;
        Tokens = tokens;
        AdminToken = string.IsNullOrEmpty(adminToken) ? null : adminToken;
    }

    /// <summary>The node's actor system.</summary>
    public ActorSystem System { get; }

    /// <summary>The optional parts (risk, tickstore), or null when none were started.</summary>
    public NodeFeatures? Features { get; }

    /// <summary>The risk side, or a 404 when this node runs without it.</summary>
    public Serenity.Risk.Entities.RiskEntities Risk =>
        Features?.Risk ?? throw Api.ApiException.NotFound("risk", "risk is off on this node (serenity.risk.enabled = off)");

    /// <summary>The Ticker, Account and Portfolio entities.</summary>
    public TradingEntities Entities { get; }

    /// <summary>Where market data comes from: here, or (cluster mode) the <c>ingest</c> singleton on some node.</summary>
    public MarketDataIngest Ingest { get; }

    /// <summary>The market-data graph running on this node (bucket, cleaning and bar statistics); empty on a cluster node that does not run the ingestor.</summary>
    public MarketDataGraphHandle MarketData => Ingest.Handle;

    /// <summary>Configured symbols, newest quotes and ticker views.</summary>
    public MarketBoard Board { get; }

    /// <summary>The <c>serenity.server</c> settings.</summary>
    public ServerSettings Settings { get; }

    /// <summary>Issues and checks bearer tokens.</summary>
    public TokenService Tokens { get; }

    /// <summary>The admin endpoints' token, or null when they are off.</summary>
    public string? AdminToken { get; }

    /// <summary>The server's counters.</summary>
    public ServerMetrics Metrics { get; } = new();

    /// <summary>Now, on the actor system's clock.</summary>
    public DateTime UtcNow => System.Clock.GetUtcNow().UtcDateTime;

    /// <summary>Asks an entity with the server's ask timeout.</summary>
    public Task<T> AskAsync<T>(Serenity.Cluster.Sharding.EntityRef entity, object message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity.Ask<T>(message, Settings.AskTimeout, cancellationToken);
    }
}
