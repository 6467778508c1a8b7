using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Builder;
using Serenity.Server.Api;

namespace Serenity.Server.Admin;

/// <summary>The <c>actor</c> palette: <c>actor system</c> and <c>actor hierarchy</c>.</summary>
internal static class CmdSystemEndpoints
{
    public const int MaxDepth = 8;

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/system", System);
        group.MapGet("/actors", ActorsAsync);
    }

    private static IResult System(CmdContext cmd)
    {
        var system = cmd.Server.System;
        var config = system.Settings.Config;
        var now = system.Clock.GetUtcNow();
        return ApiResults.Json(new
        {
            name = system.Name,
            address = cmd.Address,
            provider = config.GetString("serenity.actor.provider", "local"),
            started = system.StartTime.UtcDateTime,
            uptime_seconds = Math.Round((now - system.StartTime).TotalSeconds, 3),
            dead_letters = system.DeadLetterCount,
            log_level = config.GetString("serenity.loglevel", "INFO").ToLowerInvariant(),
            dotnet = Environment.Version.ToString(),
            process_id = Environment.ProcessId,
        });
    }

    private static async Task<IResult> ActorsAsync(HttpContext http, CmdContext cmd)
    {
        var depth = http.QueryInt("depth", 3, 1, MaxDepth);
        var path = http.Request.Query["path"].ToString();
        if (path.Length == 0) path = "/";
        if (!path.StartsWith('/')) return ApiResults.Error(StatusCodes.Status400BadRequest, "path", $"an actor path starts with '/' (like /user or /system), not '{path}'");
        path = path.Length > 1 ? path.TrimEnd('/') : path;
        // Levels count from the path; from "/" they count from the guardians (/user, /system), which are never listed.
        var below = path == "/" ? 1 : path.Count(c => c == '/');
        var tree = await AdminEndpoints.ActorTreeAsync(cmd.Server.System, Math.Min(below + depth - 1, MaxDepth + 2), 5000, TimeSpan.FromMilliseconds(300)).WaitAsync(http.RequestAborted);
        var actors = tree.Paths.Where(p => path == "/" || p == path || p.StartsWith(path + "/", StringComparison.Ordinal))
            .Where(p => p.Count(c => c == '/') - below <= depth)
            .ToList();
        return ApiResults.Json(new { path, depth, count = actors.Count, actors, truncated = tree.Truncated });
    }
}
