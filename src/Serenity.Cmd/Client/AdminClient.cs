using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Serenity.Cmd.Commands;
using Serenity.Cmd.Parsing;

namespace Serenity.Cmd.Client;

/// <summary>Talks to one node's admin listener: JSON requests, JSON-line streams, the admin token as a bearer header.</summary>
internal sealed class AdminClient : IDisposable
{
    /// <summary>The route prefix of the listener's endpoints.</summary>
    public const string Prefix = "pbm/v1/";

    private readonly HttpClient _http;
    private readonly Endpoint _endpoint;
    private readonly TimeSpan _timeout;

    /// <summary>A client of <paramref name="endpoint"/>; requests that take longer than <paramref name="timeout"/> count as unreachable.</summary>
    public AdminClient(Endpoint endpoint, string? token, TimeSpan timeout)
    {
        _endpoint = endpoint;
        _timeout = timeout;
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = timeout }) { BaseAddress = endpoint.BaseUri, Timeout = Timeout.InfiniteTimeSpan };
        if (!string.IsNullOrEmpty(token)) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Sends <paramref name="request"/> and returns the node's JSON answer.</summary>
    public async Task<JsonElement> SendAsync(NodeRequest request, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(_timeout);
        using var response = await Send(request, HttpCompletionOption.ResponseContentRead, cts, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cts.Token);
        if (!response.IsSuccessStatusCode) throw Failure(response, body);
        return Parse(body);
    }

    /// <summary>Sends <paramref name="request"/> and yields each JSON line of the answer until it ends or <paramref name="cancellationToken"/> is cancelled.</summary>
    public async IAsyncEnumerable<JsonElement> StreamAsync(NodeRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connect.CancelAfter(_timeout);
        using var response = await Send(request, HttpCompletionOption.ResponseHeadersRead, connect, cancellationToken);
        if (!response.IsSuccessStatusCode) throw Failure(response, await response.Content.ReadAsStringAsync(cancellationToken));
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (true)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(cancellationToken);
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or IOException)
            {
                yield break;
            }
            catch (IOException e)
            {
                throw new NodeUnreachableException(_endpoint.ToString(), "the stream broke: " + e.Message, e);
            }
            if (line is null) yield break;
            if (line.Length > 0) yield return Parse(line);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> Send(NodeRequest request, HttpCompletionOption completion, CancellationTokenSource timeout, CancellationToken caller)
    {
        using var message = new HttpRequestMessage(request.Method, Prefix + request.Path);
        try
        {
            return await _http.SendAsync(message, completion, timeout.Token);
        }
        catch (HttpRequestException e)
        {
            throw new NodeUnreachableException(_endpoint.ToString(), Describe(e), e);
        }
        catch (OperationCanceledException e) when (!caller.IsCancellationRequested)
        {
            throw new NodeUnreachableException(_endpoint.ToString(), $"no answer within {_timeout.TotalSeconds:0} s", e);
        }
    }

    private static string Describe(HttpRequestException e) =>
        e.InnerException is SocketException s ? $"{s.Message} ({s.SocketErrorCode})" : e.InnerException?.Message ?? e.Message;

    private static CommandFailedException Failure(HttpResponseMessage response, string body)
    {
        var reason = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        try
        {
            using var doc = JsonDocument.Parse(body);
            var error = doc.RootElement.GetProperty("error");
            reason = error.ValueKind == JsonValueKind.String ? error.GetString()! : error.GetProperty("reason").GetString() ?? reason;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // Not one of the node's error bodies: keep the status line.
        }
        return new CommandFailedException((int)response.StatusCode, reason);
    }

    private static JsonElement Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
