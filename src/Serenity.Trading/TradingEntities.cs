using Serenity.Actors;
using Serenity.Cluster.Sharding;
using Serenity.Trading.Alpaca;

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

    /// <summary>The journal tag of events that start an order working: the accounts to wake after a restart.</summary>
    public const string WorkingOrdersTag = "trading.working-orders";

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
        var broker = settings.Alpaca is { } alpaca ? new AlpacaTradingClient(alpaca) : null;
        if (broker is not null)
        {
            system.RegisterOnTermination(() =>
            {
                broker.Dispose();
                return Task.CompletedTask;
            });
        }
        sharding.Start(AccountType, id => AccountEntity.Props(id, settings, broker));
        sharding.Start(PortfolioType, id => PortfolioEntity.Props(id, settings));
        var entities = new TradingEntities(sharding, settings);
        _ = entities.WakeAccountsWithWorkingOrdersAsync(system);
        return entities;
    }

    /// <summary>
    /// Entities start on their first message, so after a restart an account with working orders would not follow quotes
    /// or expire day orders until touched: every account that ever had a resting order (tagged events) is woken up.
    /// </summary>
    private async Task WakeAccountsWithWorkingOrdersAsync(ActorSystem system)
    {
        try
        {
            var journal = Serenity.Persistence.Persistence.Get(system).Journal;
            var woken = new HashSet<string>(StringComparer.Ordinal);
            var offset = 0L;
            while (true)
            {
                var page = await journal.EventsByTagAsync(WorkingOrdersTag, offset, 1000).ConfigureAwait(false);
                foreach (var e in page)
                {
                    if (e.PersistenceId.StartsWith("account-", StringComparison.Ordinal) && woken.Add(e.PersistenceId))
                        Account(e.PersistenceId["account-".Length..]).Tell(WakeUp.Instance);
                }
                if (page.Count < 1000) break;
                offset = page[^1].Offset;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            system.Log.Warning($"trading: could not wake accounts with working orders: {e.Message}");
        }
    }

    /// <summary>The ticker of <paramref name="symbol"/>.</summary>
    public EntityRef Ticker(string symbol) => _sharding.EntityRefFor(TickerType, symbol);

    /// <summary>The account of <paramref name="userId"/>.</summary>
    public EntityRef Account(string userId) => _sharding.EntityRefFor(AccountType, userId);

    /// <summary>The portfolio of <paramref name="userId"/>.</summary>
    public EntityRef Portfolio(string userId) => _sharding.EntityRefFor(PortfolioType, userId);
}
