using Microsoft.AspNetCore.Http;

namespace Serenity.Server.Api;

/// <summary>Writes JSON answers with the API's conventions.</summary>
public static class ApiResults
{
    /// <summary>A JSON answer with <paramref name="status"/>.</summary>
    public static IResult Json<T>(T value, int status = StatusCodes.Status200OK) => Results.Json(value, ServerJson.Options, statusCode: status);

    /// <summary>An error answer.</summary>
    public static IResult Error(int status, string? field, string reason) => Json(new ErrorBody(new ErrorDetail(field, reason)), status);

    /// <summary>Writes an error answer directly (middleware, rate limiter).</summary>
    public static Task WriteErrorAsync(HttpContext context, int status, string? field, string reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ErrorBody(new ErrorDetail(field, reason)), ServerJson.Options, context.RequestAborted);
    }
}
