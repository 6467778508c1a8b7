using Serenity.MarketData.Alpaca;
using Serenity.MarketData.FakeAlpaca;
using Serenity.MarketData.Tests.Support;

namespace Serenity.MarketData.Tests.Alpaca;

/// <summary>Each error code of the protocol, sent by the fake server, and what the client does about it.</summary>
public class StreamErrorTests
{
    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(999)]
    public async Task Reported_errors_leave_the_connection_up(int code)
    {
        await using var f = await StreamFixture.StartAsync();
        await f.Event<StreamAuthenticated>();
        await f.Server.Connections.Single().SendErrorAsync(code, "whatever");
        var error = await f.Event<StreamErrorReceived>();
        Assert.Equal((code, ErrorReaction.Report), (error.Error.Number, error.Reaction));
        await f.Server.BroadcastAsync("[" + Frames.QuoteAmd + "]");
        await f.Message<Quote>();
        Assert.Equal(1, f.Server.ConnectionCount);
    }

    [Fact]
    public async Task Error_401_makes_the_client_authenticate_again()
    {
        await using var f = await StreamFixture.StartAsync();
        await f.Event<StreamAuthenticated>();
        await f.Server.Connections.Single().SendErrorAsync(401, "not authenticated");
        Assert.Equal(ErrorReaction.Authenticate, (await f.Event<StreamErrorReceived>()).Reaction);
        await f.Server.WaitForAsync<ErrorSent>(e => e.Code == 403); // the fake is authenticated already
        Assert.Equal(1, f.Server.ConnectionCount);
    }

    [Theory]
    [InlineData(404, AlpacaErrorCode.AuthTimeout)]
    [InlineData(407, AlpacaErrorCode.SlowClient)]
    [InlineData(500, AlpacaErrorCode.InternalError)]
    public async Task Reconnect_errors_close_and_connect_again_with_the_same_subscriptions(int code, AlpacaErrorCode expected)
    {
        await using var f = await StreamFixture.StartAsync();
        await f.SubscribeAsync(["AAPL"], StreamChannel.Trades);
        await f.Server.Connections.Single().SendErrorAsync(code, "bye");
        var error = await f.Event<StreamErrorReceived>();
        Assert.Equal((expected, ErrorReaction.Reconnect), (error.Error.Code, error.Reaction));
        var again = await f.Server.WaitForAsync<SubscriptionChanged>(s => s.Id == 2);
        Assert.Equal(["AAPL"], again.Set["trades"]);
    }

    [Fact]
    public async Task Error_405_symbol_limit_keeps_the_old_set_and_does_not_ask_again_after_reconnect()
    {
        await using var f = await StreamFixture.StartAsync(serverOptions: new FakeAlpacaOptions { SymbolLimit = 2 });
        await f.SubscribeAsync(["AAPL", "AMD"], StreamChannel.Quotes);
        await f.Client.SubscribeAsync(["MSFT"], StreamChannel.Quotes);
        var error = await f.Event<StreamErrorReceived>();
        Assert.Equal(AlpacaErrorCode.SymbolLimitExceeded, error.Error.Code);
        Assert.Equal(["AAPL", "AMD"], f.Client.Subscription.Quotes);

        f.Server.DropAll();
        var again = await f.Server.WaitForAsync<SubscriptionChanged>(s => s.Id == 2);
        Assert.Equal(["AAPL", "AMD"], again.Set["quotes"]);
        await f.Event<StreamSubscribed>(s => s.Subscription.Quotes.Count == 2);
    }

    [Fact]
    public async Task Error_406_connection_limit_backs_off_at_least_the_configured_time()
    {
        await using var f = await StreamFixture.StartAsync(
            o => o with { ConnectionLimitBackoff = TimeSpan.FromSeconds(90) },
            new FakeAlpacaOptions { ErrorOnConnect = 406 });
        var error = await f.Event<StreamErrorReceived>();
        Assert.Equal((AlpacaErrorCode.ConnectionLimitExceeded, ErrorReaction.ReconnectAfterConnectionLimit), (error.Error.Code, error.Reaction));
        Assert.Equal(TimeSpan.FromSeconds(90), (await f.Event<StreamReconnecting>()).Delay);
        await f.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(90));
        f.Clock.Advance(TimeSpan.FromSeconds(90));
        await f.Event<StreamAuthenticated>();
        Assert.Equal(2, f.Server.ConnectionCount);
    }

    [Theory]
    [InlineData(408, AlpacaErrorCode.V2NotEnabled)]
    [InlineData(409, AlpacaErrorCode.InsufficientSubscription)]
    public async Task Fatal_errors_stop_the_client(int code, AlpacaErrorCode expected)
    {
        await using var f = await StreamFixture.StartAsync();
        await f.Event<StreamAuthenticated>();
        await f.Server.Connections.Single().SendErrorAsync(code, "no");
        var thrown = await Assert.ThrowsAsync<AlpacaStreamException>(() => f.Client.Completion.WaitAsync(ChannelWaits.Default));
        Assert.Equal(expected, thrown.Code);
        Assert.Equal(thrown, (await f.Event<StreamStopped>()).Error);
    }

    [Fact]
    public async Task Error_409_from_a_subscribe_on_an_insufficient_plan()
    {
        await using var f = await StreamFixture.StartAsync(serverOptions: new FakeAlpacaOptions { InsufficientSubscription = true });
        await f.Event<StreamAuthenticated>();
        await f.Client.SubscribeAsync(["AAPL"], StreamChannel.Quotes);
        var thrown = await Assert.ThrowsAsync<AlpacaStreamException>(() => f.Client.Completion.WaitAsync(ChannelWaits.Default));
        Assert.Equal(AlpacaErrorCode.InsufficientSubscription, thrown.Code);
    }

    [Fact]
    public void Every_code_of_the_table_has_a_reaction()
    {
        Assert.Equal(ErrorReaction.Report, AlpacaErrorCodes.ReactionTo(AlpacaErrorCode.InvalidSyntax));
        Assert.Equal(ErrorReaction.Authenticate, AlpacaErrorCodes.ReactionTo(AlpacaErrorCode.NotAuthenticated));
        Assert.Equal(ErrorReaction.Stop, AlpacaErrorCodes.ReactionTo(AlpacaErrorCode.AuthFailed));
        Assert.Equal(ErrorReaction.Report, AlpacaErrorCodes.ReactionTo(AlpacaErrorCode.AlreadyAuthenticated));
        Assert.Equal(ErrorReaction.Reconnect, AlpacaErrorCodes.ReactionTo(AlpacaErrorCode.AuthTimeout));
        Assert.Equal(ErrorReaction.Report, AlpacaErrorCodes.ReactionTo(AlpacaErrorCode.SymbolLimitExceeded));
        Assert.Equal(ErrorReaction.ReconnectAfterConnectionLimit, AlpacaErrorCodes.ReactionTo(AlpacaErrorCode.ConnectionLimitExceeded));
        Assert.Equal(ErrorReaction.Reconnect, AlpacaErrorCodes.ReactionTo(AlpacaErrorCode.SlowClient));
        Assert.Equal(ErrorReaction.Stop, AlpacaErrorCodes.ReactionTo(AlpacaErrorCode.V2NotEnabled));
        Assert.Equal(ErrorReaction.Stop, AlpacaErrorCodes.ReactionTo(AlpacaErrorCode.InsufficientSubscription));
        Assert.Equal(ErrorReaction.Reconnect, AlpacaErrorCodes.ReactionTo(AlpacaErrorCode.InternalError));
    }
}
