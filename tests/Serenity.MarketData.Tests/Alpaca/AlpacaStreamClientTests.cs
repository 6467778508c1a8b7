using Serenity.MarketData.Alpaca;
using Serenity.MarketData.FakeAlpaca;
using Serenity.MarketData.Tests.Support;

namespace Serenity.MarketData.Tests.Alpaca;

public class AlpacaStreamClientTests
{
    [Fact]
    public async Task Authenticates_then_subscribes_what_was_asked_before_connecting()
    {
        await using var f = await StreamFixture.StartAsync(start: false);
        await f.Client.SubscribeAsync(["AAPL", "AMD"], StreamChannel.Quotes, StreamChannel.Trades);
        await f.Client.SubscribeAsync(["SPY"], StreamChannel.Bars);
        f.Client.Start();
        await f.Event<StreamAuthenticated>();
        var set = await f.Server.WaitForAsync<SubscriptionChanged>();
        Assert.Equal(["AAPL", "AMD"], set.Set["quotes"]);
        Assert.Equal(["AAPL", "AMD"], set.Set["trades"]);
        Assert.Equal(["SPY"], set.Set["bars"]);
        var confirmed = await f.Event<StreamSubscribed>();
        Assert.Equal(["SPY"], confirmed.Subscription.Bars);
        Assert.Equal(["AAPL", "AMD"], confirmed.Subscription.Corrections);
        Assert.True(f.Client.IsAuthenticated);
    }

    [Fact]
    public async Task Auth_failure_stops_the_client_with_a_typed_402()
    {
        await using var f = await StreamFixture.StartAsync(o => o with { Credentials = new AlpacaCredentials("test-key", "wrong") });
        var error = await f.Event<StreamErrorReceived>();
        Assert.Equal((AlpacaErrorCode.AuthFailed, ErrorReaction.Stop), (error.Error.Code, error.Reaction));
        var thrown = await Assert.ThrowsAsync<AlpacaStreamException>(() => f.Client.Completion.WaitAsync(ChannelWaits.Default));
        Assert.Equal(AlpacaErrorCode.AuthFailed, thrown.Code);
        await Assert.ThrowsAsync<AlpacaStreamException>(() => f.Client.Messages.Completion);
        Assert.Equal(1, f.Server.ConnectionCount);
    }

    [Fact]
    public async Task The_secret_is_sent_only_in_the_auth_message_and_never_shown()
    {
        await using var f = await StreamFixture.StartAsync();
        var auth = await f.Server.WaitForAsync<ClientMessage>();
        Assert.Contains("\"secret\":\"test-secret\"", auth.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("test-secret", new AlpacaCredentials("test-key", "test-secret").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscriptions_change_while_connected()
    {
        await using var f = await StreamFixture.StartAsync();
        await f.Event<StreamAuthenticated>();
        await f.SubscribeAsync(["AAPL", "MSFT"], StreamChannel.Quotes);
        await f.SubscribeAsync(["TSLA"], StreamChannel.Trades);
        await f.Client.UnsubscribeAsync(["MSFT"], StreamChannel.Quotes);
        var set = await f.Event<StreamSubscribed>(s => !s.Subscription.Quotes.Contains("MSFT"));
        Assert.Equal(["AAPL"], set.Subscription.Quotes);
        Assert.Equal(["TSLA"], set.Subscription.Trades);
        Assert.Equal(set.Subscription, f.Client.Subscription);
    }

    [Fact]
    public async Task Large_subscriptions_are_split_into_messages_of_at_most_100_symbols()
    {
        await using var f = await StreamFixture.StartAsync(serverOptions: new FakeAlpacaOptions { SymbolLimit = 1000 });
        await f.Event<StreamAuthenticated>();
        var symbols = Enumerable.Range(0, 250).Select(i => $"S{i:D3}").ToList();
        await f.Client.SubscribeAsync(symbols, StreamChannel.Quotes);
        for (var i = 0; i < 3; i++)
        {
            var message = await f.Server.WaitForAsync<ClientMessage>(m => m.Json.Contains("\"subscribe\"", StringComparison.Ordinal));
            Assert.InRange(message.Json.Count(c => c == ','), 1, 100);
        }
        var set = await f.Server.WaitForAsync<SubscriptionChanged>(s => s.Set["quotes"].Count == 250);
        Assert.Equal(symbols, set.Set["quotes"]);
    }

    [Fact]
    public async Task Every_message_type_arrives_typed_from_one_batched_frame()
    {
        await using var f = await StreamFixture.StartAsync();
        await f.Event<StreamAuthenticated>();
        await f.Server.BroadcastAsync(Frames.EveryDataType);
        var messages = await f.Client.Messages.ReadAsync(10);
        Assert.Equal(
            [typeof(Quote), typeof(Trade), typeof(Bar), typeof(Bar), typeof(Bar), typeof(TradeCorrection), typeof(TradeCancel), typeof(TradingStatus), typeof(LimitUpLimitDown), typeof(OrderImbalance)],
            messages.Select(m => m.GetType()));
        Assert.Equal(0, f.Client.ParseErrors.Total);
    }

    [Fact]
    public async Task A_thousand_quotes_in_one_frame_arrive_in_order()
    {
        await using var f = await StreamFixture.StartAsync();
        await f.Event<StreamAuthenticated>();
        await f.Server.BroadcastAsync(Frames.Quotes("AAPL", 1000));
        var quotes = (await f.Client.Messages.ReadAsync(1000)).Cast<Quote>().ToList();
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => 100 + (i / 100m)), quotes.Select(q => q.BidPrice));
    }

    [Fact]
    public async Task Server_drop_mid_stream_reconnects_after_backoff_and_resubscribes()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 2, 0);
        await using var f = await StreamFixture.StartAsync(o => o with { Backoff = backoff });
        await f.SubscribeAsync(["AAPL"], StreamChannel.Quotes);
        await f.Server.BroadcastAsync(Frames.Quotes("AAPL", 3));
        await f.Client.Messages.ReadAsync(3);

        f.Server.DropAll();
        await f.Event<StreamDisconnected>();
        var reconnecting = await f.Event<StreamReconnecting>();
        Assert.Equal((1, TimeSpan.FromSeconds(1)), (reconnecting.Attempt, reconnecting.Delay));
        await f.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(1, f.Server.ConnectionCount); // nothing before the backoff ends
        f.Clock.Advance(TimeSpan.FromSeconds(1));

        var again = await f.Server.WaitForAsync<SubscriptionChanged>(s => s.Id == 2);
        Assert.Equal(["AAPL"], again.Set["quotes"]);
        await f.Server.BroadcastAsync(Frames.Quotes("AAPL", 1, first: 7));
        var quote = await f.Message<Quote>();
        Assert.Equal(100.07m, quote.BidPrice);
    }

    [Fact]
    public async Task Backoff_grows_with_failed_attempts_and_resets_after_authentication()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 2, 0);
        await using var f = await StreamFixture.StartAsync(o => o with { Backoff = backoff });
        await f.Event<StreamAuthenticated>();
        f.Server.RejectUpgrades(2);
        f.Server.DropAll();
        Assert.Equal(TimeSpan.FromSeconds(1), (await f.Event<StreamReconnecting>()).Delay);
        await f.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        f.Clock.Advance(TimeSpan.FromSeconds(1));
        var refused = await f.Event<StreamDisconnected>(d => d.Reason.Contains("429", StringComparison.Ordinal));
        Assert.NotNull(refused);
        Assert.Equal(TimeSpan.FromSeconds(2), (await f.Event<StreamReconnecting>()).Delay);
        await f.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        f.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(4), (await f.Event<StreamReconnecting>()).Delay);
        await f.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(4));
        f.Clock.Advance(TimeSpan.FromSeconds(4));
        await f.Event<StreamAuthenticated>();

        f.Server.DropAll();
        Assert.Equal(TimeSpan.FromSeconds(1), (await f.Event<StreamReconnecting>()).Delay);
    }

    [Fact]
    public void Jitter_spreads_delays_within_its_fraction_and_the_cap()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 2, 0.5);
        var random = new Random(3);
        var delays = Enumerable.Range(0, 200).Select(_ => backoff.Delay(3, random)).ToList();
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6)));
        Assert.True(delays.Distinct().Count() > 100);
        Assert.All(Enumerable.Range(0, 50).Select(_ => backoff.Delay(40, random)), d => Assert.True(d <= TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_stalled_connection_is_detected_on_the_clock_and_replaced()
    {
        await using var f = await StreamFixture.StartAsync(o => o with { StallTimeout = TimeSpan.FromSeconds(30) });
        await f.SubscribeAsync(["AAPL"], StreamChannel.Quotes);
        f.Clock.Advance(TimeSpan.FromSeconds(29));
        await f.Server.BroadcastAsync(Frames.Quotes("AAPL", 1));
        await f.Message<Quote>(); // a frame re-arms the watchdog
        f.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(1, f.Server.ConnectionCount);

        f.Server.Connections.Single().Stall();
        await f.Server.BroadcastAsync(Frames.Quotes("AAPL", 1)); // swallowed: the socket is open and silent
        f.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(30), (await f.Event<StreamStalled>()).Silence);
        await f.Event<StreamDisconnected>(d => d.Reason == "stalled");
        var again = await f.Server.WaitForAsync<SubscriptionChanged>(s => s.Id == 2);
        Assert.Equal(["AAPL"], again.Set["quotes"]);
    }

    [Fact]
    public async Task Mutated_frames_from_the_server_are_counted_and_the_stream_goes_on()
    {
        await using var f = await StreamFixture.StartAsync();
        await f.Event<StreamAuthenticated>();
        var random = new Random(5);
        var seed = System.Text.Encoding.UTF8.GetBytes(Frames.EveryDataType);
        var buffer = new byte[4096];
        const int frames = 2000;
        for (var i = 0; i < frames; i++)
        {
            var length = ParserFuzzTests.Mutate(seed, buffer, random);
            await f.Server.BroadcastAsync(System.Text.Encoding.Latin1.GetString(buffer, 0, length));
        }
        await f.Server.BroadcastAsync("[" + Frames.TradeAapl + "]");
        Assert.Equal(96921, (await f.Message<Trade>()).Id);
        Assert.Equal(frames, f.Client.ParseErrors.Total);
        Assert.Equal(1, f.Server.ConnectionCount);
    }
}
