using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Serenity.Server.Api;

namespace Serenity.Server.Admin;

/// <summary>Streams a sequence as JSON lines (<c>application/x-ndjson</c>, chunked) until it ends, the client goes, or the node stops.</summary>
internal static class NdJson
{
    public const string ContentType = "application/x-ndjson";

    public static async Task StreamAsync<T>(HttpContext http, Func<CancellationToken, IAsyncEnumerable<T>> items, Func<T, object> shape, CancellationToken stopping)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        http.Response.ContentType = ContentType;
        http.Response.Headers.CacheControl = "no-cache";
        try
        {
            await http.Response.StartAsync(cts.Token);
            await http.Response.Body.FlushAsync(cts.Token);
            await foreach (var item in items(cts.Token).WithCancellation(cts.Token))
            {
                var bytes = JsonSerializer.SerializeToUtf8Bytes(shape(item), ServerJson.Options);
                await http.Response.Body.WriteAsync(bytes, cts.Token);
                await http.Response.Body.WriteAsync("\n"u8.ToArray(), cts.Token);
                await http.Response.Body.FlushAsync(cts.Token);
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            // The client went away or the node is stopping: the stream ends here.
        }
        catch (IOException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The connection broke while writing.
        }
    }
}
