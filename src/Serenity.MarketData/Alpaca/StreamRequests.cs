using System.Buffers;
using System.Text.Json;

namespace Serenity.MarketData.Alpaca;

/// <summary>Writes the client's action messages (auth, subscribe, unsubscribe) as UTF-8 JSON.</summary>
internal static class StreamRequests
{
    public static byte[] Auth(AlpacaCredentials credentials) => Write(w =>
    {
        w.WriteString("action", "auth");
        w.WriteString("key", credentials.KeyId);
        w.WriteString("secret", credentials.SecretKey);
    });

    /// <summary>
    /// <c>subscribe</c> or <c>unsubscribe</c> messages for <paramref name="symbols"/> per channel, at most
    /// <paramref name="maxPerMessage"/> symbols in each message.
    /// </summary>
    public static IEnumerable<byte[]> Change(string action, IReadOnlyDictionary<StreamChannel, IReadOnlyCollection<string>> symbols, int maxPerMessage)
    {
        var pending = symbols.SelectMany(kv => kv.Value.Select(s => (Channel: kv.Key, Symbol: s))).ToList();
        for (var i = 0; i < pending.Count; i += maxPerMessage)
        {
            var chunk = pending.Skip(i).Take(maxPerMessage).GroupBy(p => p.Channel).ToList();
            yield return Write(w =>
            {
                w.WriteString("action", action);
                foreach (var group in chunk)
                {
                    w.WriteStartArray(group.Key.WireName());
                    foreach (var (_, symbol) in group) w.WriteStringValue(symbol);
                    w.WriteEndArray();
                }
            });
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
