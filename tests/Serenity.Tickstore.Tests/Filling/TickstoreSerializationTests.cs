using Serenity.MarketData;
using Serenity.Persistence.Serialization;
using Serenity.TestSupport.Wire;
using Serenity.Tickstore.Filling;

namespace Serenity.Tickstore.Tests.Filling;

/// <summary>The live bar recorder's messages, and the bars it follows, round-trip through their manifests.</summary>
public sealed class TickstoreSerializationTests
{
    public static TheoryData<object, string> Samples() => new()
    {
        { new FlushBars(), "tickstore.msg." },
        { new BarsFlushed(3), "tickstore.msg." },
        { new Bar("AAPL", new DateTime(2026, 1, 5, 14, 30, 0, DateTimeKind.Utc), 1m, 2m, 0.5m, 1.5m, 1000m, 12, 1.2m), "market-data." },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_recorder_message_round_trips_through_its_manifest(object message, string manifestPrefix)
    {
        var serialization = new EventSerialization();
        TickstoreSerialization.Register(serialization);

        Assert.Equal(message, WireRoundTrip.Assert(serialization, message, manifestPrefix));
    }
}
