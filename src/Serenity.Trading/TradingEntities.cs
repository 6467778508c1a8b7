using Serenity.Actors;
using Serenity.Cluster.Sharding;

namespace Serenity.Trading;

/// <summary>Starts the Ticker, Account and Portfolio shard regions and hands out entity refs.</summary>
public sealed class TradingEntities
{
    /// <summary>Shard type name of tickers (id = symbol).</summary>
    public const string TickerType = "ticker";

    /// <summary>Shard type name of accounts (id = user id).</summary>
    public const string AccountType = "account";

    /// <summary>Shard type name of portfolios (id = user id).</summary>
    public const string PortfolioType = "portfolio";

    private readonly ClusterSharding _sharding;

    private TradingEntities(ClusterSharding sharding, TradingSettings settings)
    {
        _sharding = sharding;
        Settings = settings;
    }

    /// <summary>The settings the entities run with.</summary>
    public TradingSettings Settings { get; }

    /// <summary>Registers serialization and starts the three regions on <paramref name="system"/>.</summary>
    public static TradingEntities Start(ActorSystem system, TradingSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        settings ??= TradingSettings.From(system.Settings.Config);
        TradingSerialization.Register(system);
        var sharding = ClusterSharding.Get(system);
        sharding.Start(TickerType, id => TickerEntity.Props(id, settings));
        sharding.Start(AccountType, id => AccountEntity.Props(id, settings));
        sharding.Start(PortfolioType, id => PortfolioEntity.Props(id, settings.SnapshotEvery));
        return new TradingEntities(sharding, settings);
    }

    /// <summary>The ticker of <paramref name="symbol"/>.</summary>
    public EntityRef Ticker(string symbol) => _sharding.EntityRefFor(TickerType, symbol);

    /// <summary>The account of <paramref name="userId"/>.</summary>
    public EntityRef Account(string userId) => _sharding.EntityRefFor(AccountType, userId);

    /// <summary>The portfolio of <paramref name="userId"/>.</summary>
    public EntityRef Portfolio(string userId) => _sharding.EntityRefFor(PortfolioType, userId);
}
