using Serenity.Actors;

namespace Serenity.MarketData.Configuration;

/// <summary>
/// The <c>ingest</c> singleton: runs the market-data pipeline while it lives (publishing to every node) and stops
/// it, closing the feed's connection, when it stops (its node hands it off, loses its lease or shuts down).
/// </summary>
internal sealed class MarketDataIngestor : ReceiveActor
{
    private readonly MarketDataIngest _ingest;
    private RunningMarketData? _running;

    public MarketDataIngestor(MarketDataIngest ingest) => _ingest = ingest;

    public static Props Props(MarketDataIngest ingest) => Actors.Props.Create(() => new MarketDataIngestor(ingest));

    protected override void PreStart()
    {
        _running = MarketDataPipeline.Start(Context.System);
        _ingest.Attach(_running.Handle);
        Context.GetLogger().Info("market data: the ingestor runs on this node");
    }

    protected override void PostStop()
    {
        if (_running is not { } running) return;
        _ingest.Detach(running.Handle);
        var log = Context.GetLogger();
        _ = running.DisposeAsync().AsTask().ContinueWith(
            t => log.Warning($"market data: stopping the ingestor failed: {t.Exception!.GetBaseException().Message}"),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        log.Info("market data: the ingestor stopped on this node");
    }
}
