using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Serenity.Server.Api;
using Serenity.Server.Logging;

namespace Serenity.Server.Admin;

/// <summary>The <c>log</c> palette: <c>peek</c> (recent lines) and <c>tail</c> (recent lines, then live ones, streamed).</summary>
internal static class CmdLogEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/log/peek", Peek);
        group.MapGet("/log/tail", TailAsync);
    }

    private static IResult Peek(HttpContext http, CmdContext cmd)
    {
        var level = Level(http);
        var count = http.QueryInt("n", 20, 1, 100_000);
        var lines = cmd.Log.Peek(count, level);
        return ApiResults.Json(new { level, capacity = cmd.Log.Capacity, lines = lines.Select(Shape) });
    }

    private static Task TailAsync(HttpContext http, CmdContext cmd, IHostApplicationLifetime lifetime)
    {
        var level = Level(http);
        var backlog = http.QueryInt("n", 10, 0, 100_000);
        return NdJson.StreamAsync(http, ct => FilterAsync(cmd.Log.FollowAsync(backlog, ct), level, ct), Shape, lifetime.ApplicationStopping);
    }

    private static async IAsyncEnumerable<LogLine> FilterAsync(IAsyncEnumerable<LogLine> lines, string level, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            if (line.AtLeast(level)) yield return line;
        }
    }

    private static string Level(HttpContext http)
    {
        var level = http.Request.Query["level"].ToString().ToLowerInvariant();
        if (level.Length == 0) return "debug";
        return LogLine.Rank(level) >= 0 ? level : throw ApiException.BadRequest("level", $"level must be one of {string.Join(", ", LogLine.Levels)}");
    }

    private static object Shape(LogLine l) => new { seq = l.Seq, time = l.Timestamp.UtcDateTime, level = l.Level, source = l.Source, message = l.Message };
}
