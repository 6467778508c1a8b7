using Serenity.Actors;
using Serenity.Cluster.Sharding;
using Serenity.Risk.Entities.Strategies;
using Serenity.Risk.Strategies;
using Serenity.Trading;

namespace Serenity.Risk.Entities;

/// <summary>
/// Starts the risk side on a node: the node's <see cref="ScenarioHub"/>, the <c>risk</c> region (one
/// <see cref="RiskEntity"/> per user, also the order gateway's pre-trade check when
/// <c>serenity.trading.pre-trade-check = on</c>) and the <c>strategy</c> region (one <see cref="StrategyEntity"/> per
/// user); wakes every runner that ever enabled a strategy, so strategies follow the bars after a restart untouched.
/// </summary>
public sealed class RiskEntities
{
    /// <summary>Shard type name of Risk entities (id = user id); the default of <c>serenity.trading.pre-trade-check-entity</c>.</summary>
    public const string RiskType = "risk";

    /// <summary>Shard type name of strategy runners (id = user id).</summary>
    public const string StrategyType = "strategy";

    private readonly ClusterSharding _sharding;

    private RiskEntities(ClusterSharding sharding, RiskActorSettings settings, IActorRef hub)
    {
        _sharding = sharding;
        Settings = settings;
        Hub = hub;
    }

    /// <summary>The settings the entities run with.</summary>
    public RiskActorSettings Settings { get; }

    /// <summary>The node's scenario hub.</summary>
    public IActorRef Hub { get; }

    /// <summary>
    /// Registers serialization and starts the hub and both regions on <paramref name="system"/> (the trading regions must
    /// be started too, e.g. by <see cref="TradingEntities.Start"/>); settings default to the system's config.
    /// </summary>
    public static RiskEntities Start(ActorSystem system, RiskActorSettings? settings = null, TradingSettings? trading = null, StrategyCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        settings ??= RiskActorSettings.From(system.Settings.Config);
        trading ??= TradingSettings.From(system.Settings.Config);
        catalog ??= StrategyCatalog.Default;
        RiskSerialization.Register(system);
        var hub = system.ActorOf(ScenarioHub.Props(settings), "risk-scenarios");
        var sharding = ClusterSharding.Get(system);
        sharding.Start(RiskType, id => RiskEntity.Props(id, settings, hub));
        sharding.Start(StrategyType, id => StrategyEntity.Props(id, settings, trading, catalog));
        var entities = new RiskEntities(sharding, settings, hub);
        _ = entities.WakeStrategiesAsync(system);
        return entities;
    }

    /// <summary>The Risk entity of <paramref name="userId"/>.</summary>
    public EntityRef Risk(string userId) => _sharding.EntityRefFor(RiskType, userId);

    /// <summary>The strategy runner of <paramref name="userId"/>.</summary>
    public EntityRef Strategies(string userId) => _sharding.EntityRefFor(StrategyType, userId);

    private async Task WakeStrategiesAsync(ActorSystem system)
    {
        try
        {
            var journal = Serenity.Persistence.Persistence.Get(system).Journal;
            var woken = new HashSet<string>(StringComparer.Ordinal);
            var offset = 0L;
            while (true)
            {
                var page = await journal.EventsByTagAsync(StrategyEntity.EnabledTag, offset, 1000).ConfigureAwait(false);
                foreach (var e in page)
                {
                    if (e.PersistenceId.StartsWith("strategy-", StringComparison.Ordinal) && woken.Add(e.PersistenceId))
                        Strategies(e.PersistenceId["strategy-".Length..]).Tell(WakeUp.Instance, ActorRefs.NoSender);
                }
                if (page.Count < 1000) break;
                offset = page[^1].Offset;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            system.Log.Warning($"risk: could not wake strategy runners: {e.Message}");
        }
    }
}
