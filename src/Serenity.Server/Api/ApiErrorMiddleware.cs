using Microsoft.AspNetCore.Http;
using Serenity.Actors;

namespace Serenity.Server.Api;

/// <summary>
/// Turns <see cref="ApiException"/> into its error answer, an entity that does not answer in time into 503, and
/// anything else into 500 (logged without request bodies, so passwords never reach the log).
/// </summary>
public sealed class ApiErrorMiddleware(RequestDelegate next, ActorSystem system)
{
    private readonly ILoggingAdapter _log = system.LoggerFor("http");

    /// <summary>Runs the middleware.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (ApiException e) when (!context.Response.HasStarted)
        {
            await ApiResults.WriteErrorAsync(context, e.Status, e.Field, e.Message);
        }
        catch (AskTimeoutException) when (!context.Response.HasStarted)
        {
            await ApiResults.WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, null, "the service did not answer in time");
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            _log.Error(e, $"{context.Request.Method} {context.Request.Path} failed: {e.GetType().Name}: {e.Message}");
            await ApiResults.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, null, "internal error");
        }
    }
}
