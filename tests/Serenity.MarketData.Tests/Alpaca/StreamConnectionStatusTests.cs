using Serenity.MarketData.Alpaca;
using Serenity.Actors;

namespace Serenity.MarketData.Tests.Alpaca;

/// <summary>The operator's view of the Alpaca connection, fed event by event on a virtual clock.</summary>
public sealed class StreamConnectionStatusTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 14, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_drop_counts_a_reconnect_keeps_the_reason_and_the_error_code_and_the_state_follows()
    {
        var clock = new VirtualTimeProvider(Start);
        var status = StreamConnectionStatus.Create(clock);
        Assert.Equal("connecting", status.Snapshot().State);

        status.Apply(new StreamConnecting(1));
        status.Apply(new StreamConnected());
        status.Apply(new StreamAuthenticated());
        status.Apply(new StreamSubscribed(SubscriptionSet.Empty with { Quotes = ["AAPL", "MSFT"], Trades = ["AAPL"] }));
        var up = status.Snapshot();
        Assert.Equal(("subscribed", 1L, 0L, 2), (up.State, up.Connects, up.Reconnects, up.SubscribedSymbols));
        Assert.Null(up.LastErrorCode);

        clock.Advance(TimeSpan.FromSeconds(5));
        status.Apply(new StreamErrorReceived(new StreamError(406, "connection limit exceeded"), ErrorReaction.ReconnectAfterConnectionLimit));
        status.Apply(new StreamDisconnected("error 406"));
        status.Apply(new StreamReconnecting(1, TimeSpan.FromSeconds(30)));
        var down = status.Snapshot();
        Assert.Equal("reconnecting", down.State);
        Assert.Equal(Start.AddSeconds(5), down.Since);
        Assert.Equal(1, down.Reconnects);
        Assert.Equal(0, down.SubscribedSymbols);
        Assert.Equal("error 406", down.LastDisconnect);
        Assert.Equal(406, down.LastErrorCode);
        Assert.Equal("406 connection limit exceeded (reconnect after connection limit)", down.LastError);
        Assert.Equal("attempt 1 in 30 s", down.Recent[^1].Detail);
    }

    [Fact]
    public void Only_the_latest_events_are_kept()
    {
        var status = StreamConnectionStatus.Create(new VirtualTimeProvider(Start));
        for (var i = 1; i <= StreamConnectionStatus.RecentCapacity + 5; i++) status.Apply(new StreamConnecting(i));
        var recent = status.Snapshot().Recent;
        Assert.Equal(StreamConnectionStatus.RecentCapacity, recent.Count);
        Assert.Equal("attempt 6", recent[0].Detail);
    }
}
