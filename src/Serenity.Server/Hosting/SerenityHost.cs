using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serenity.Actors;
using Serenity.Cluster.Provider;
using Serenity.MarketData.Configuration;
using Serenity.Server.Admin;
using Serenity.Server.Api;
using Serenity.Server.Auth;
using Serenity.Server.Dashboard;
using Serenity.Server.Market;
using Serenity.Server.Observability;
using Serenity.Server.Push;
using Serenity.Trading;
using PersistenceExtension = Serenity.Persistence.Persistence;

namespace Serenity.Server.Hosting;

/// <summary>
/// One Serenity node in this process: HOCON → actor system → journal → trading entities (with the risk entities and the
/// tickstore's live bar recorder, <see cref="NodeFeatures"/>) → market-data graph (in cluster mode the <c>ingest</c> singleton) → HTTP (REST, WebSocket push, dashboard,
/// admin). <see cref="DisposeAsync"/> shuts down gracefully: HTTP drains, WebSockets close, in cluster mode the node leaves
/// (its shards and singletons are handed off), the live bars are written to the tickstore, actors stop, the journal
/// flushes and closes.
/// </summary>
public sealed class SerenityHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private SerenityHost(WebApplication app, ServerContext context, Uri baseAddress)
    {
        _app = app;
        Context = context;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the node listens: <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The node's actor system.</summary>
    public ActorSystem System => Context.System;

    /// <summary>The trading entities.</summary>
    public TradingEntities Entities => Context.Entities;

    /// <summary>Everything the endpoints share (settings, board, metrics).</summary>
    public ServerContext Context { get; }

    /// <summary>Completes when shutdown was requested (Ctrl-C, SIGTERM, or <see cref="DisposeAsync"/>).</summary>
    public Task ShutdownRequested => Task.Delay(Timeout.Infinite, _app.Lifetime.ApplicationStopping).ContinueWith(_ => { }, TaskScheduler.Default);

    /// <summary>Starts a node.</summary>
    public static async Task<SerenityHost> StartAsync(SerenityHostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = ServerConfiguration.Load(options);
        var settings = ServerSettings.From(config);
        var system = ActorSystem.Create("serenity", config);
        NodeFeatures? features = null;
        try
        {
            await PersistenceExtension.Get(system).Journal.Initialized.WaitAsync(cancellationToken);
            var entities = TradingEntities.Start(system);
            var marketSettings = MarketDataSettings.Create(system.Settings.Config);
            features = NodeFeatures.Start(system, FeatureSettings.From(system.Settings.Config), marketSettings);
            // Local: the pipeline runs here. Cluster: the ingest singleton runs it on one ingest node; quotes and bars reach every node by pub/sub.
            var marketData = MarketDataIngest.Start(system);
            var board = new MarketBoard(marketSettings.Symbols);
            system.ActorOf(MarketBoardActor.Props(board, entities, settings.TickerRefreshInterval), "market-board");
            var tokens = new TokenService(options.TokenSecret ?? Environment.GetEnvironmentVariable(TokenService.SecretVariable), system.Clock, settings.TokenLifetime);
            var context = new ServerContext(system, entities, marketData, board, settings, tokens, options.AdminToken ?? Environment.GetEnvironmentVariable("SERENITY_ADMIN_TOKEN"), features);
            var app = Build(context, options);
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }
            return new SerenityHost(app, context, ListeningAddress(app));
        }
        catch
        {
            await system.Terminate();
            features?.Dispose();
            throw;
        }
    }

    /// <summary>Graceful shutdown: stop HTTP (in-flight requests finish), close WebSockets, stop actors, close the journal.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
            // Cluster mode: hand this node's shards and singletons (the ingestor) off before anything stops.
            await ClusterProvider.Get(System).LeaveAsync(Context.Settings.ShutdownTimeout);
            if (Context.Features is { } features) await features.StopAsync(System, Context.Settings.AskTimeout);
            await System.Terminate(); // persistence (journal + snapshots) is disposed after the last actor stopped
            Context.Features?.Dispose(); // the tickstore closes after its recorder stopped
        }
    }

    private static WebApplication Build(ServerContext context, SerenityHostOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "Serenity.Server",
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = WebRoot(context.Settings),
        });
        builder.Logging.ClearProviders();
        if (!options.QuietLogs)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning);
        }
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.WebHost.UseUrls(context.Settings.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.UseShutdownTimeout(context.Settings.ShutdownTimeout);
        builder.Services.AddSingleton(context);
        builder.Services.ConfigureHttpJsonOptions(o => ServerJson.Configure(o.SerializerOptions));
        builder.Services.AddRateLimiter(o => RateLimits.Configure(o, context.Settings, context.Metrics));
        var app = builder.Build();

        app.Use(async (http, next) =>
        {
            await next(http);
            context.Metrics.Response(http.Response.StatusCode);
        });
        app.UseMiddleware<ApiErrorMiddleware>(context.System);
        app.UseSerenityDashboard();
        app.UseMiddleware<BearerAuthenticationMiddleware>(context.Tokens);
        app.UseRouting();
        app.UseRateLimiter();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.MapHealthEndpoints();
        app.MapAuthEndpoints();
        app.MapAccountEndpoints();
        app.MapOrderEndpoints();
        app.MapMarketEndpoints();
        app.MapRiskEndpoints();
        app.MapStrategyEndpoints();
        app.MapAdminEndpoints();
        app.MapPushEndpoint();
        app.MapFallback("/api/{**rest}", () => ApiResults.Error(StatusCodes.Status404NotFound, null, "no such endpoint"));
        return app;
    }

    private static string? WebRoot(ServerSettings settings)
    {
        if (settings.WebRoot.Length > 0) return Path.GetFullPath(settings.WebRoot);
        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(beside)) return beside;
        // The source wwwroot, recorded at build time (Dashboard.targets' key first, then the project folder's).
        var metadata = typeof(SerenityHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToList();
        var candidates = new[]
        {
            metadata.FirstOrDefault(a => a.Key == "Serenity.DashboardSourceRoot")?.Value,
            metadata.FirstOrDefault(a => a.Key == "SerenityServerProjectDir")?.Value is { } dir ? Path.Combine(dir, "wwwroot") : null,
        };
        return candidates.FirstOrDefault(c => c is not null && Directory.Exists(c));
    }

    private static Uri ListeningAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var first = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.First();
        var uri = new Uri(first);
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*" ? "127.0.0.1" : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.Port, "/").Uri;
    }
}
