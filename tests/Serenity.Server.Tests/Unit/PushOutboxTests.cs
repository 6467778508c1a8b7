using Serenity.MarketData;
using Serenity.Server.Push;

namespace Serenity.Server.Tests.Unit;

public sealed class PushOutboxTests
{
    private static readonly DateTime T0 = new(2026, 1, 5, 15, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Quotes_coalesce_per_symbol_and_ordered_events_keep_their_order()
    {
        var outbox = new PushOutbox(100);
        var signals = 0;
        outbox.Signaled += () => signals++;
        Assert.False(outbox.OfferQuote(Quote("AAPL", 1)));
        Assert.True(outbox.OfferQuote(Quote("AAPL", 2)));
        outbox.OfferQuote(Quote("MSFT", 1));
        outbox.Enqueue("order", "o1");
        outbox.Enqueue("fill", "f1");
        Assert.Equal(5, signals);

        var batch = outbox.Drain();
        Assert.Equal([("order", (object)"o1"), ("fill", "f1")], batch.Ordered);
        Assert.Equal(2, batch.Quotes.Count);
        Assert.Equal(T0.AddSeconds(2), batch.Quotes.Single(q => q.Symbol == "AAPL").Timestamp);
        Assert.True(outbox.Drain().IsEmpty);
    }

    [Fact]
    public void Too_many_ordered_events_mark_the_outbox_overflowed()
    {
        var outbox = new PushOutbox(2);
        outbox.Enqueue("fill", 1);
        outbox.Enqueue("fill", 2);
        Assert.False(outbox.Overflowed);
        outbox.Enqueue("fill", 3);
        Assert.True(outbox.Overflowed);
        Assert.Equal(2, outbox.Drain().Ordered.Count);
    }

    private static Quote Quote(string symbol, int second) => new(symbol, T0.AddSeconds(second), 10m, 1m, 10.1m, 1m);
}
