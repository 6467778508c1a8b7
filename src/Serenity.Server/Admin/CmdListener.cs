using System.Net;
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
using Serenity.Cluster.RabbitMq;
using Serenity.Server.Admin.Cluster;
using Serenity.Hocon;
using Serenity.Server.Api;
using Serenity.Server.Hosting;
using Serenity.Server.Logging;

namespace Serenity.Server.Admin;

/// <summary>
/// The node's <c>pbm</c> admin listener: a small HTTP server of its own on <c>serenity.cmd.host:port</c>
/// (127.0.0.1:9110 by default) answering JSON under <c>/pbm/v1/</c>, streams as JSON lines. It stops when disposed, or
/// when the node's actor system terminates.
/// </summary>
public sealed class CmdListener : IAsyncDisposable
{
    /// <summary>The route prefix of every endpoint.</summary>
    public const string Prefix = "/pbm/v1";

    private readonly WebApplication _app;
    private readonly MarketDataRates _rates;
    private int _disposed;

    private CmdListener(WebApplication app, MarketDataRates rates, CmdSettings settings, LogRing log, string address)
    {
        _app = app;
        _rates = rates;
        Settings = settings;
        Log = log;
        Address = address;
    }

    /// <summary>Where it listens, as <c>host:port</c> (what <c>pbm</c> takes).</summary>
    public string Address { get; }

    /// <summary>The settings it runs with.</summary>
    public CmdSettings Settings { get; }

    /// <summary>The node's recent log lines (what <c>log peek</c> shows).</summary>
    public LogRing Log { get; }

    /// <summary>
    /// Starts the listener for <paramref name="server"/> with <paramref name="settings"/> (null: read from the node's
    /// <c>serenity.cmd</c> config). Returns null when <c>serenity.cmd.enabled = off</c>, and also, with an error on the
    /// node's log, when it must not or cannot listen (beyond loopback without an admin token; the port taken): the node
    /// keeps running without it. A bad <c>serenity.cmd</c> section is logged the same way.
    /// </summary>
    public static async Task<CmdListener?> StartAsync(ServerContext server, CmdSettings? settings = null, CmdListenerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        try
        {
            settings ??= CmdSettings.From(server.System.Settings.Config);
        }
        catch (ConfigException e)
        {
            server.System.Log.Error($"pbm admin endpoint not started: {e.Message}");
            return null;
        }
        options ??= new CmdListenerOptions();
        if (!settings.Enabled) return null;
        if (!settings.IsLoopback && (options.AdminToken ?? server.AdminToken) is null)
        {
            server.System.Log.Error($"pbm admin endpoint not started: serenity.cmd.host = {settings.Host} is not loopback and {CmdSettings.TokenVariable} is not set");
            return null;
        }
        var log = LogRing.For(server.System);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Serenity.Server.Cmd", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new LogRingLoggerProvider(log, server.System.Clock));
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(k =>
        {
            if (settings.Host == "localhost") k.ListenLocalhost(settings.Port);
            else k.Listen(IPAddress.Parse(settings.Host), settings.Port);
        });
        builder.Services.AddSingleton<CmdContextHolder>();
        builder.Services.AddTransient(sp => sp.GetRequiredService<CmdContextHolder>().Context!);
        var rates = new MarketDataRates(server.MarketData.Bucket, server.System.Clock);
        var app = builder.Build();
        var address = "";
        try
        {
            app.UseMiddleware<ApiErrorMiddleware>(server.System);
            var group = app.MapGroup(Prefix).AddEndpointFilter(CmdTokenFilter.CheckAsync);
            CmdSystemEndpoints.Map(group);
            CmdClusterEndpoints.Map(group);
            CmdShardingEndpoints.Map(group);
            CmdMarketDataEndpoints.Map(group);
            CmdJournalEndpoints.Map(group);
            CmdUserEndpoints.Map(group);
            CmdLogEndpoints.Map(group);
            app.MapFallback(() => ApiResults.Error(StatusCodes.Status404NotFound, null, "no such admin endpoint (is pbm newer than this node?)"));
            await app.StartAsync(cancellationToken);
            address = ListeningAddress(app, settings);
        }
        catch (IOException e)
        {
            rates.Dispose();
            await app.DisposeAsync();
            server.System.Log.Error($"pbm admin endpoint not started: cannot listen on {settings.Host}:{settings.Port}: {e.Message}");
            return null;
        }
        catch
        {
            rates.Dispose();
            await app.DisposeAsync();
            throw;
        }
        // Endpoints resolve the context per request; it is complete once the bound port is known.
        var cmd = new CmdContext(server, settings, options, options.Cluster ?? DefaultClusterAdmin(server, address), log, rates, address);
        ContextHolder(app).Context = cmd;
        var listener = new CmdListener(app, rates, settings, log, address);
        server.System.RegisterOnTermination(() => listener.DisposeAsync().AsTask());
        return listener;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            _rates.Dispose();
            await _app.DisposeAsync();
        }
    }

    /// <summary>The node's own membership: the cluster provider's with <c>serenity.actor.provider = cluster</c>, else one local member.</summary>
    private static IClusterAdmin DefaultClusterAdmin(ServerContext server, string address) =>
        ClusterProvider.Get(server.System).Provider is RabbitMqClusterProvider provider
            ? new ProviderClusterAdmin(server.System, provider, server.Settings.AskTimeout)
            : new LocalClusterAdmin(server.System, address, server.Settings.AskTimeout);

    private static CmdContextHolder ContextHolder(WebApplication app) => app.Services.GetRequiredService<CmdContextHolder>();

    private static string ListeningAddress(WebApplication app, CmdSettings settings)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var uri = new Uri(addresses.First());
        var host = settings.Host.Contains(':', StringComparison.Ordinal) ? "[" + settings.Host + "]" : settings.Host;
        return $"{host}:{uri.Port}";
    }
}
