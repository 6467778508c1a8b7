using Serenity.Tests.Shared;
using Serenity.MarketData.Alpaca;
using Serenity.MarketData.FakeAlpaca;
using Serenity.MarketData.Tests.Support;

namespace Serenity.MarketData.Tests.Alpaca;

/// <summary>A fake server on a free loopback port and a client on a virtual clock; both stopped at the end.</summary>
public sealed class StreamFixture : IAsyncDisposable
{
    private StreamFixture(FakeAlpacaServer server, AlpacaStreamClient client, ObservedClock clock)
    {
        Server = server;
        Client = client;
        Clock = clock;
    }

    public FakeAlpacaServer Server { get; }

    public AlpacaStreamClient Client { get; }

    public ObservedClock Clock { get; }

    public static async Task<StreamFixture> StartAsync(
        Func<AlpacaStreamOptions, AlpacaStreamOptions>? configure = null,
        FakeAlpacaOptions? serverOptions = null,
        bool start = true)
    {
        var server = await FakeAlpacaServer.StartAsync(serverOptions);
        var clock = new ObservedClock();
        var options = new AlpacaStreamOptions
        {
            Endpoint = server.StreamUri(),
            Credentials = new AlpacaCredentials(server.Options.KeyId, server.Options.SecretKey),
            Clock = clock,
            Backoff = ReconnectBackoff.None,
            StallTimeout = Timeout.InfiniteTimeSpan,
            Random = new Random(1),
        };
        var client = new AlpacaStreamClient(configure?.Invoke(options) ?? options);
        if (start) client.Start();
        return new StreamFixture(server, client, clock);
    }

    public Task<T> Event<T>(Func<T, bool>? match = null) where T : StreamEvent => Client.Events.WaitForAsync(match);

    public async Task<T> Message<T>(Func<T, bool>? match = null) where T : MarketDataMessage => await Client.Messages.WaitForAsync(match);

    /// <summary>Subscribes and waits until the server confirmed it.</summary>
    public async Task SubscribeAsync(IReadOnlyCollection<string> symbols, params StreamChannel[] channels)
    {
        await Client.SubscribeAsync(symbols, channels);
        await Event<StreamSubscribed>(s => channels.All(c => symbols.All(s.Subscription.Of(c).Contains)));
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Server.DisposeAsync();
    }
}
