namespace Serenity.MarketData;

/// <summary><c>{"T":"success","msg":...}</c>: <c>connected</c> or <c>authenticated</c>.</summary>
public sealed record StreamSuccess(string Message) : MarketDataMessage
{
    /// <summary>The message on connect.</summary>
    public const string Connected = "connected";

    /// <summary>The message after a good auth.</summary>
    public const string Authenticated = "authenticated";
}

/// <summary><c>{"T":"error","code":N,"msg":...}</c>; <paramref name="Number"/> is the code as sent.</summary>
public sealed record StreamError(int Number, string Message) : MarketDataMessage
{
    /// <summary>The typed code (<see cref="AlpacaErrorCode.Unknown"/> for a number not in the protocol's table).</summary>
    public AlpacaErrorCode Code => AlpacaErrorCodes.FromNumber(Number);
}

/// <summary>The server's whole current subscription set (its answer to every subscribe and unsubscribe).</summary>
public sealed record SubscriptionSet(
    IReadOnlyList<string> Trades,
    IReadOnlyList<string> Quotes,
    IReadOnlyList<string> Bars,
    IReadOnlyList<string> DailyBars,
    IReadOnlyList<string> UpdatedBars,
    IReadOnlyList<string> Statuses,
    IReadOnlyList<string> Lulds,
    IReadOnlyList<string> Imbalances,
    IReadOnlyList<string> Corrections,
    IReadOnlyList<string> CancelErrors) : MarketDataMessage
{
    /// <summary>Nothing subscribed.</summary>
    public static readonly SubscriptionSet Empty = new([], [], [], [], [], [], [], [], [], []);

    /// <summary>The symbols of one channel.</summary>
    public IReadOnlyList<string> Of(StreamChannel channel) => channel switch
    {
        StreamChannel.Trades => Trades,
        StreamChannel.Quotes => Quotes,
        StreamChannel.Bars => Bars,
        StreamChannel.DailyBars => DailyBars,
        StreamChannel.UpdatedBars => UpdatedBars,
        StreamChannel.Statuses => Statuses,
        StreamChannel.Lulds => Lulds,
        StreamChannel.Imbalances => Imbalances,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };
}
