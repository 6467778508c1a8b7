using System.Threading.Channels;

namespace Serenity.MarketData.Tests.Support;

/// <summary>Bounded (real-time) waits on channels: a test fails with a timeout instead of hanging.</summary>
public static class ChannelWaits
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(10);

    /// <summary>Reads until a stream event of type <typeparamref name="T"/> matching <paramref name="match"/> arrives.</summary>
    public static Task<T> WaitForAsync<T>(this ChannelReader<Serenity.MarketData.Alpaca.StreamEvent> reader, Func<T, bool>? match = null, TimeSpan? timeout = null)
        where T : Serenity.MarketData.Alpaca.StreamEvent => WaitCoreAsync(reader, match, timeout);

    /// <summary>Reads until a message of type <typeparamref name="T"/> matching <paramref name="match"/> arrives.</summary>
    public static Task<T> WaitForAsync<T>(this ChannelReader<MarketDataMessage> reader, Func<T, bool>? match = null, TimeSpan? timeout = null)
        where T : MarketDataMessage => WaitCoreAsync(reader, match, timeout);

    /// <summary>The next <paramref name="count"/> items.</summary>
    public static async Task<List<T>> ReadAsync<T>(this ChannelReader<T> reader, int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Default);
        var items = new List<T>();
        while (items.Count < count) items.Add(await reader.ReadAsync(cts.Token));
        return items;
    }

    private static async Task<T> WaitCoreAsync<TBase, T>(ChannelReader<TBase> reader, Func<T, bool>? match, TimeSpan? timeout)
    {
        using var cts = new CancellationTokenSource(timeout ?? Default);
        var seen = new List<string>();
        try
        {
            while (true)
            {
                var item = await reader.ReadAsync(cts.Token);
                seen.Add(item?.ToString() ?? "null");
                if (item is T t && (match is null || match(t))) return t;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            throw new TimeoutException($"no matching {typeof(T).Name}; saw: {string.Join(" | ", seen)}", e);
        }
    }
}
