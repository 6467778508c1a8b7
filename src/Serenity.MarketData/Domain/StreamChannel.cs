namespace Serenity.MarketData;

/// <summary>The channels a subscribe message names (its keys).</summary>
public enum StreamChannel
{
    /// <summary><c>trades</c> (corrections and cancels come with it).</summary>
    Trades,

    /// <summary><c>quotes</c>.</summary>
    Quotes,

    /// <summary><c>bars</c>.</summary>
    Bars,

    /// <summary><c>dailyBars</c>.</summary>
    DailyBars,

    /// <summary><c>updatedBars</c>.</summary>
    UpdatedBars,

    /// <summary><c>statuses</c>.</summary>
    Statuses,

    /// <summary><c>lulds</c>.</summary>
    Lulds,

    /// <summary><c>imbalances</c>.</summary>
    Imbalances,
}

/// <summary>The wire names of <see cref="StreamChannel"/>.</summary>
public static class StreamChannels
{
    /// <summary>Every channel, in wire order.</summary>
    public static readonly IReadOnlyList<StreamChannel> All = Enum.GetValues<StreamChannel>();

    /// <summary>The JSON key of <paramref name="channel"/>.</summary>
    public static string WireName(this StreamChannel channel) => channel switch
    {
        StreamChannel.Trades => "trades",
        StreamChannel.Quotes => "quotes",
        StreamChannel.Bars => "bars",
        StreamChannel.DailyBars => "dailyBars",
        StreamChannel.UpdatedBars => "updatedBars",
        StreamChannel.Statuses => "statuses",
        StreamChannel.Lulds => "lulds",
        StreamChannel.Imbalances => "imbalances",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };
}
