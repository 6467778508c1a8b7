using Serenity.Actors;
using Serenity.MarketData.Configuration;
using Serenity.Risk.Entities;
using Serenity.Tickstore;
using Serenity.Tickstore.Filling;

namespace Serenity.Server.Hosting;

/// <summary>
/// The optional parts of a node, started after the trading entities: the Risk entities and strategy runners, and the
/// tickstore with its live bar recorder. <see cref="StopAsync"/> flushes the recorder; <see cref="Dispose"/> closes the
/// store once the actor system has stopped.
/// </summary>
public sealed class NodeFeatures : IDisposable
{
    private NodeFeatures(RiskEntities? risk, TickStore? store, IActorRef? recorder)
    {
        Risk = risk;
        Store = store;
        Recorder = recorder;
    }

    /// <summary>The risk side, or null when <c>serenity.risk.enabled = off</c>.</summary>
    public RiskEntities? Risk { get; }

    /// <summary>The tickstore, or null when neither the recorder is on nor a store exists at the root.</summary>
    public TickStore? Store { get; }

    /// <summary>The live bar recorder, or null when it is off.</summary>
    public IActorRef? Recorder { get; }

    /// <summary>Starts what <paramref name="settings"/> turn on (the trading entities must be running).</summary>
    public static NodeFeatures Start(ActorSystem system, FeatureSettings settings, MarketDataSettings market)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(market);
        var risk = settings.RiskEnabled ? RiskEntities.Start(system) : null;
        var root = Path.GetFullPath(settings.TickstoreRoot);
        var store = settings.TickstoreLiveEnabled || File.Exists(Path.Combine(root, "index.db")) ? TickStore.Open(root) : null;
        IActorRef? recorder = null;
        if (settings.TickstoreLiveEnabled && store is not null)
        {
            var symbols = settings.TickstoreLiveSymbols.Count > 0 ? settings.TickstoreLiveSymbols : market.Symbols;
            recorder = system.ActorOf(LiveBarsActor.Props(store, symbols, settings.TickstoreFlushInterval), "tickstore-live-bars");
        }
        return new NodeFeatures(risk, store, recorder);
    }

    /// <summary>Writes the recorder's queued bars now (graceful shutdown); a failure is logged, not thrown.</summary>
    public async Task StopAsync(ActorSystem system, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (Recorder is null) return;
        try
        {
            await Recorder.Ask<BarsFlushed>(new FlushBars(), timeout);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            system.Log.Warning($"tickstore: flushing the live bars failed: {e.Message}");
        }
    }

    /// <inheritdoc />
    public void Dispose() => Store?.Dispose();
}
