using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Serenity.Benchmarks;

/// <summary>
/// The order benchmarks' load generator: HTTP/1.1 <c>POST /api/orders</c> over kept-alive loopback connections, as
/// a tool like wrk would send them. Why not <see cref="HttpClient"/>: the benchmark process hosts the node too, and
/// HttpClient's request and response objects were about a quarter of the process's allocation per order, so the
/// node's GC pauses (and the p99 they make) partly measured the client. This one allocates nothing per order but
/// the async state of a call. It reads a response's status, its length (Content-Length or chunked) and whether the
/// server keeps the connection; the body is skipped.
/// </summary>
internal sealed class LeanOrderClient(IPEndPoint server) : IDisposable
{
    private readonly ConcurrentBag<Connection> _idle = [];
    private readonly ConcurrentDictionary<string, byte[]> _headersByToken = new(StringComparer.Ordinal);
    private readonly byte[] _host = Encoding.ASCII.GetBytes($"POST /api/orders HTTP/1.1\r\nHost: {server}\r\nContent-Type: application/json\r\n");

    /// <summary>Sends one order; returns the response's status code.</summary>
    public async Task<int> SubmitAsync(string token, byte[] body)
    {
        var headers = _headersByToken.GetOrAdd(token, static (t, host) => [.. host, .. Encoding.ASCII.GetBytes($"Authorization: Bearer {t}\r\nContent-Length: ")], _host);
        if (!_idle.TryTake(out var connection)) connection = await Connection.OpenAsync(server);
        try
        {
            var status = await connection.ExchangeAsync(headers, body);
            if (connection.KeepAlive) _idle.Add(connection);
            else connection.Dispose();
            return status;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var c)) c.Dispose();
    }

    /// <summary>One kept-alive connection: one request at a time, with its own send and receive buffers.</summary>
    private sealed class Connection : IDisposable
    {
        private readonly Socket _socket;
        private readonly byte[] _send = new byte[4096];
        private readonly byte[] _receive = new byte[16 * 1024];
        private int _start; // unread bytes are _receive[_start.._end)
        private int _end;

        private Connection(Socket socket) => _socket = socket;

        public bool KeepAlive { get; private set; } = true;

        public static async Task<Connection> OpenAsync(IPEndPoint server)
        {
            var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(server);
                return new Connection(socket);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        public async Task<int> ExchangeAsync(byte[] headers, byte[] body)
        {
            await SendAsync(Request(headers, body));
            var response = new ResponseHead();
            while (true)
            {
                var (start, length) = await ReadLineAsync();
                if (length == 0) break; // the blank line after the headers
                response.Read(_receive.AsSpan(start, length));
            }
            KeepAlive = !response.Close;
            if (response.Chunked) await SkipChunksAsync();
            else if (response.ContentLength > 0) await SkipAsync(response.ContentLength);
            else if (response.ContentLength < 0 && response.Status is not (204 or 304)) throw new InvalidDataException("a response without Content-Length or chunked encoding");
            return response.Status;
        }

        public void Dispose() => _socket.Dispose();

        private ReadOnlyMemory<byte> Request(byte[] headers, byte[] body)
        {
            var length = headers.Length;
            headers.CopyTo(_send, 0);
            if (!Utf8Formatter.TryFormat(body.Length, _send.AsSpan(length), out var digits)) throw new InvalidOperationException("body too large");
            length += digits;
            "\r\n\r\n"u8.CopyTo(_send.AsSpan(length));
            length += 4;
            body.CopyTo(_send, length);
            return _send.AsMemory(0, length + body.Length);
        }

        private async ValueTask SendAsync(ReadOnlyMemory<byte> bytes)
        {
            while (!bytes.IsEmpty) bytes = bytes[await _socket.SendAsync(bytes, SocketFlags.None)..];
        }

        private async ValueTask SkipChunksAsync()
        {
            while (true)
            {
                var (start, length) = await ReadLineAsync();
                var size = ResponseHead.ChunkSize(_receive.AsSpan(start, length));
                if (size == 0)
                {
                    while ((await ReadLineAsync()).Length != 0) { } // trailers, up to the blank line
                    return;
                }
                await SkipAsync(size);
                if ((await ReadLineAsync()).Length != 0) throw new InvalidDataException("a chunk without its CRLF");
            }
        }

        private async ValueTask SkipAsync(long count)
        {
            while (count > 0)
            {
                if (_start == _end) await FillAsync();
                var take = (int)Math.Min(count, _end - _start);
                _start += take;
                count -= take;
            }
        }

        // Where the next line lies in the receive buffer, without its CRLF; valid until the next read.
        private async ValueTask<(int Start, int Length)> ReadLineAsync()
        {
            while (true)
            {
                var at = _receive.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
                if (at >= 0)
                {
                    var line = (_start, at);
                    _start += at + 2;
                    return line;
                }
                await FillAsync();
            }
        }

        private async ValueTask FillAsync()
        {
            if (_start == _end) _start = _end = 0;
            else if (_end == _receive.Length)
            {
                if (_start == 0) throw new InvalidDataException("a response line longer than the receive buffer");
                Buffer.BlockCopy(_receive, _start, _receive, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            var read = await _socket.ReceiveAsync(_receive.AsMemory(_end), SocketFlags.None);
            if (read == 0) throw new IOException("the server closed the connection mid-response");
            _end += read;
        }
    }

    /// <summary>What a response's status line and headers say about reading the rest.</summary>
    private struct ResponseHead
    {
        public int Status;
        public long ContentLength;
        public bool Chunked;
        public bool Close;

        public ResponseHead() => ContentLength = -1;

        public void Read(ReadOnlySpan<byte> line)
        {
            if (Status == 0)
            {
                // "HTTP/1.1 201 Created"
                Status = line.Length >= 12 && Utf8Parser.TryParse(line.Slice(9, 3), out int status, out _) ? status : throw new InvalidDataException("not an HTTP status line");
            }
            else if (Value(line, "content-length"u8, out var length))
            {
                ContentLength = Utf8Parser.TryParse(length, out long n, out _) ? n : throw new InvalidDataException("a bad Content-Length");
            }
            else if (Value(line, "transfer-encoding"u8, out var encoding)) Chunked = encoding.IndexOf("chunked"u8) >= 0;
            else if (Value(line, "connection"u8, out var connection)) Close = Ascii.EqualsIgnoreCase(connection, "close"u8);
        }

        public static long ChunkSize(ReadOnlySpan<byte> line)
        {
            var semicolon = line.IndexOf((byte)';'); // chunk extensions
            return Utf8Parser.TryParse(semicolon < 0 ? line : line[..semicolon], out long size, out _, 'X') ? size : throw new InvalidDataException("a bad chunk size");
        }

        private static bool Value(ReadOnlySpan<byte> line, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
        {
            value = default;
            if (line.Length <= name.Length || line[name.Length] != (byte)':' || !Ascii.EqualsIgnoreCase(line[..name.Length], name)) return false;
            value = line[(name.Length + 1)..].Trim((byte)' ');
            return true;
        }
    }
}
