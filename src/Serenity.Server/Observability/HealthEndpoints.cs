using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serenity.Server.Hosting;
using PersistenceExtension = Serenity.Persistence.Persistence;

namespace Serenity.Server.Observability;

/// <summary>GET /healthz (the process answers), GET /readyz (journal open and market data flowing), GET /metrics.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps the endpoints (none of them is rate limited or needs a token).</summary>
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok", "text/plain")).DisableRateLimiting();
        app.MapGet("/readyz", (ServerContext server) =>
        {
            var problems = NotReady(server);
            return problems.Count == 0
                ? Results.Text("ready", "text/plain")
                : Results.Text("not ready: " + string.Join("; ", problems), "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
        }).DisableRateLimiting();
        app.MapGet("/metrics", (ServerContext server) => Results.Text(PrometheusWriter.Render(server), "text/plain; version=0.0.4")).DisableRateLimiting();
    }

    /// <summary>Why the node is not ready; empty when it is.</summary>
    public static IReadOnlyList<string> NotReady(ServerContext server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var problems = new List<string>();
        var journal = PersistenceExtension.Get(server.System).Journal.Initialized;
        if (!journal.IsCompletedSuccessfully) problems.Add(journal.IsFaulted ? "journal failed to open" : "journal not open yet");
        if (server.MarketData.Completion.IsCompleted) problems.Add("market data stream ended");
        if (server.Board.LastQuoteAt is not { } last) problems.Add("no quote received yet");
        else if (server.Settings.ReadyQuoteAge > TimeSpan.Zero && server.System.Clock.GetUtcNow() - last > server.Settings.ReadyQuoteAge) problems.Add("no quote within " + server.Settings.ReadyQuoteAge);
        return problems;
    }
}
