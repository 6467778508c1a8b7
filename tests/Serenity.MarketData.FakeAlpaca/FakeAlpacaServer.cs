using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Serenity.MarketData.FakeAlpaca;

/// <summary>
/// A fake of Alpaca's market-data service on 127.0.0.1 (a free port): the stream at <c>/v2/{feed}</c>
/// (WebSocket, the protocol of alpaca-protocol.md with its errors) and the data REST API under
/// <c>/v2/stocks</c> (pagination, 429s). Tests push frames, drop connections and inject failures.
/// </summary>
public sealed class FakeAlpacaServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<int, FakeStreamConnection> _connections = new();
    private readonly Channel<FakeServerEvent> _events = Channel.CreateUnbounded<FakeServerEvent>();
    private int _nextId;
    private int _upgradeRejections;

    private FakeAlpacaServer(WebApplication app, FakeAlpacaOptions options)
    {
        _app = app;
        Options = options;
        Rest = new FakeRestApi(options);
    }

    /// <summary>What the server accepts and how it misbehaves; tests may change it while running.</summary>
    public FakeAlpacaOptions Options { get; }

    /// <summary>The REST side: its data, its request log and its 429 injection.</summary>
    public FakeRestApi Rest { get; }

    /// <summary>http://127.0.0.1:port/.</summary>
    public Uri HttpBase { get; private set; } = null!;

    /// <summary>The stream endpoint of <paramref name="feed"/> (iex, sip, test).</summary>
    public Uri StreamUri(string feed = "iex") => new($"ws://{HttpBase.Authority}/v2/{feed}");

    /// <summary>What happened on the stream side, in order.</summary>
    public ChannelReader<FakeServerEvent> Events => _events.Reader;

    /// <summary>Open stream connections.</summary>
    public IReadOnlyCollection<FakeStreamConnection> Connections => [.. _connections.Values.OrderBy(c => c.Id)];

    /// <summary>Stream connections accepted so far.</summary>
    public int ConnectionCount => Volatile.Read(ref _nextId);

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<FakeAlpacaServer> StartAsync(FakeAlpacaOptions? options = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeAlpacaServer(app, options ?? new FakeAlpacaOptions());
        app.UseWebSockets();
        app.Map("/v2/stocks/{**rest}", server.Rest.HandleAsync);
        app.Map("/v2/{feed}", server.AcceptStreamAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.HttpBase = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    /// <summary>The next <paramref name="count"/> upgrades answer HTTP 429 with <c>Retry-After</c>.</summary>
    public void RejectUpgrades(int count) => Interlocked.Exchange(ref _upgradeRejections, count);

    /// <summary>Sends one raw frame to every open connection.</summary>
    public async Task BroadcastAsync(string frame)
    {
        foreach (var c in Connections) await c.SendAsync(frame);
    }

    /// <summary>Drops every connection without a close handshake (a network failure mid-stream).</summary>
    public void DropAll()
    {
        foreach (var c in Connections) c.Drop();
    }

    /// <summary>Waits (real time, bounded) for the next event matching <paramref name="match"/>, skipping others.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool>? match = null, TimeSpan? timeout = null) where T : FakeServerEvent
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            while (true)
            {
                var e = await _events.Reader.ReadAsync(cts.Token);
                if (e is T t && (match is null || match(t))) return t;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no {typeof(T).Name} from the fake server within {timeout ?? TimeSpan.FromSeconds(10)}");
        }
    }

    /// <summary>Stops the server and every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        DropAll();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal void Raise(FakeServerEvent e) => _events.Writer.TryWrite(e);

    private async Task AcceptStreamAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (Interlocked.Decrement(ref _upgradeRejections) >= 0)
        {
            context.Response.Headers.RetryAfter = Options.UpgradeRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Raise(new UpgradeRejected());
            return;
        }
        Interlocked.Exchange(ref _upgradeRejections, 0);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeStreamConnection(Interlocked.Increment(ref _nextId), socket, this);
        _connections[connection.Id] = connection;
        try
        {
            await connection.RunAsync(context.RequestAborted);
        }
        finally
        {
            _connections.TryRemove(connection.Id, out _);
            Raise(new ConnectionClosed(connection.Id));
        }
    }
}

/// <summary>The fake's knobs.</summary>
public sealed class FakeAlpacaOptions
{
    /// <summary>The key id the server accepts.</summary>
    public string KeyId { get; set; } = "test-key";

    /// <summary>The secret the server accepts.</summary>
    public string SecretKey { get; set; } = "test-secret";

    /// <summary>Most symbols over trades and quotes together (30 on the free plan); more gives 405.</summary>
    public int SymbolLimit { get; set; } = 30;

    /// <summary>When set, a subscribe answers 409 (e.g. SIP on a free plan).</summary>
    public bool InsufficientSubscription { get; set; }

    /// <summary>When set, the next connection gets this error code right after <c>connected</c> (e.g. 406), then is closed.</summary>
    public int? ErrorOnConnect { get; set; }

    /// <summary>Seconds in the <c>Retry-After</c> of a refused upgrade.</summary>
    public int UpgradeRetryAfterSeconds { get; set; } = 1;
}

/// <summary>Something that happened on the fake's stream side.</summary>
public abstract record FakeServerEvent;

/// <summary>A connection was accepted and greeted.</summary>
public sealed record ConnectionOpened(int Id) : FakeServerEvent;

/// <summary>A connection authenticated.</summary>
public sealed record ConnectionAuthenticated(int Id) : FakeServerEvent;

/// <summary>A client message arrived (its raw JSON).</summary>
public sealed record ClientMessage(int Id, string Json) : FakeServerEvent;

/// <summary>The server answered a (un)subscribe with this whole set (trades, quotes, bars...).</summary>
public sealed record SubscriptionChanged(int Id, IReadOnlyDictionary<string, IReadOnlyList<string>> Set) : FakeServerEvent;

/// <summary>The server sent an error.</summary>
public sealed record ErrorSent(int Id, int Code) : FakeServerEvent;

/// <summary>A connection ended.</summary>
public sealed record ConnectionClosed(int Id) : FakeServerEvent;

/// <summary>An upgrade was refused with 429.</summary>
public sealed record UpgradeRejected : FakeServerEvent;
