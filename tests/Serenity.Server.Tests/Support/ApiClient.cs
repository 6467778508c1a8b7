using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Serenity.Server.Tests.Support;

/// <summary>A small JSON client for the API; every call is bounded by the client's timeout.</summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>A client for <paramref name="baseAddress"/>.</summary>
    public ApiClient(Uri baseAddress)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(20) };
    }

    /// <summary>The node's address.</summary>
    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>Sends a request with an optional JSON body (raw string or object) and bearer token.</summary>
    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, object? body = null, string? token = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            var text = body as string ?? JsonSerializer.Serialize(body);
            request.Content = new StringContent(text, Encoding.UTF8, "application/json");
        }
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        var content = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, content, response.Headers.RetryAfter?.Delta, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>GET.</summary>
    public Task<ApiResponse> GetAsync(string path, string? token = null) => SendAsync(HttpMethod.Get, path, null, token);

    /// <summary>POST with a JSON body.</summary>
    public Task<ApiResponse> PostAsync(string path, object body, string? token = null) => SendAsync(HttpMethod.Post, path, body, token);

    /// <summary>Registers <paramref name="user"/> and logs in; returns the token.</summary>
    public async Task<string> RegisterAndLoginAsync(string user, string password = "correct horse")
    {
        var registered = await PostAsync("/api/register", new { user_id = user, password });
        Assert.Equal(HttpStatusCode.Created, registered.Status);
        var login = await PostAsync("/api/login", new { user_id = user, password });
        Assert.Equal(HttpStatusCode.OK, login.Status);
        return login.Json.GetProperty("token").GetString()!;
    }

    /// <summary>A user id no other test uses.</summary>
    public static string NewUser(string prefix = "u") => prefix + Guid.NewGuid().ToString("N")[..10];

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}

/// <summary>An answer: status, body text (parsed on demand), Retry-After.</summary>
public sealed record ApiResponse(HttpStatusCode Status, string Body, TimeSpan? RetryAfter, string? MediaType)
{
    /// <summary>The body as JSON.</summary>
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>The error's field.</summary>
    public string? ErrorField => Json.GetProperty("error").GetProperty("field").GetString();

    /// <summary>The error's reason.</summary>
    public string ErrorReason => Json.GetProperty("error").GetProperty("reason").GetString()!;

    /// <inheritdoc />
    public override string ToString() => $"{(int)Status} {Body}";
}
