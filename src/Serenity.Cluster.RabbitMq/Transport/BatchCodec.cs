using System.Buffers;
using System.Text;

namespace Serenity.Cluster.RabbitMq.Transport;

/// <summary>One entity message or reply inside a batch: its entity (requests), correlation id (if answered), manifest and bytes.</summary>
internal sealed record BatchItem(string EntityId, string? CorrelationId, string Manifest, byte[] Body, bool IsReply);

/// <summary>
/// Several entity messages for one shard queue (or several replies for one routing node) in one AMQP message: the
/// broker then stores, delivers, acknowledges and confirms once per batch instead of once per message, which is
/// where a round trip's CPU goes. Each item is length-prefixed: entity id, correlation id ("" = none), manifest,
/// payload. The publish pump only groups what queued up while it was busy, so batching adds no waiting.
/// </summary>
internal static class BatchCodec
{
    /// <summary>AMQP type of a batch of entity messages.</summary>
    public const string RequestBatch = "serenity.cluster.batch.v1";

    /// <summary>AMQP type of a batch of replies.</summary>
    public const string ReplyBatch = "serenity.cluster.reply-batch.v1";

    /// <summary>The bytes of <paramref name="items"/>.</summary>
    public static byte[] Encode(IReadOnlyList<BatchItem> items)
    {
        var buffer = new ArrayBufferWriter<byte>(items.Sum(i => i.Body.Length + i.Manifest.Length + i.EntityId.Length + 32));
        WriteLength(buffer, items.Count);
        foreach (var item in items)
        {
            WriteString(buffer, item.EntityId);
            WriteString(buffer, item.CorrelationId ?? "");
            WriteString(buffer, item.Manifest);
            WriteLength(buffer, item.Body.Length);
            buffer.Write(item.Body);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The items of a batch; a malformed one throws <see cref="FormatException"/>.</summary>
    public static List<BatchItem> Decode(ReadOnlyMemory<byte> bytes, bool replies)
    {
        var position = 0;
        var count = ReadLength(bytes.Span, ref position);
        var items = new List<BatchItem>(count);
        for (var i = 0; i < count; i++)
        {
            var entity = ReadString(bytes.Span, ref position);
            var correlation = ReadString(bytes.Span, ref position);
            var manifest = ReadString(bytes.Span, ref position);
            var length = ReadLength(bytes.Span, ref position);
            if (position + length > bytes.Length) throw new FormatException("a batch item runs past the end of its message");
            items.Add(new BatchItem(entity, correlation.Length == 0 ? null : correlation, manifest, bytes.Slice(position, length).ToArray(), replies));
            position += length;
        }
        return items;
    }

    private static void WriteString(ArrayBufferWriter<byte> buffer, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteLength(buffer, length);
        Encoding.UTF8.GetBytes(value, buffer.GetSpan(length));
        buffer.Advance(length);
    }

    private static void WriteLength(ArrayBufferWriter<byte> buffer, int value)
    {
        var span = buffer.GetSpan(5);
        var n = 0;
        var v = (uint)value;
        while (v >= 0x80)
        {
            span[n++] = (byte)(v | 0x80);
            v >>= 7;
        }
        span[n++] = (byte)v;
        buffer.Advance(n);
    }

    private static string ReadString(ReadOnlySpan<byte> bytes, ref int position)
    {
        var length = ReadLength(bytes, ref position);
        if (position + length > bytes.Length) throw new FormatException("a batch item's text runs past the end of its message");
        var value = Encoding.UTF8.GetString(bytes.Slice(position, length));
        position += length;
        return value;
    }

    private static int ReadLength(ReadOnlySpan<byte> bytes, ref int position)
    {
        var value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (position >= bytes.Length) throw new FormatException("a batch ends inside a length");
            var b = bytes[position++];
            value |= (b & 0x7F) << shift;
            if (b < 0x80) return value >= 0 ? value : throw new FormatException("a negative length in a batch");
        }
        throw new FormatException("a length in a batch is too long");
    }
}
