using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Serenity.Cluster.Membership;
using Serenity.Server.Api;

namespace Serenity.Server.Admin;

/// <summary>The <c>cluster</c> palette: show, status, leader, join, leave, down, down-unreachable, tail.</summary>
internal static class CmdClusterEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/cluster/members", Members);
        group.MapGet("/cluster/status", Status);
        group.MapGet("/cluster/leader", Leader);
        group.MapPost("/cluster/join", (HttpContext http, CmdContext cmd) => RunAsync(http, cmd, (c, a, ct) => c.JoinAsync(a, ct)));
        group.MapPost("/cluster/leave", (HttpContext http, CmdContext cmd) => RunAsync(http, cmd, (c, a, ct) => c.LeaveAsync(a, ct)));
        group.MapPost("/cluster/down", (HttpContext http, CmdContext cmd) => RunAsync(http, cmd, (c, a, ct) => c.DownAsync(a, ct)));
        group.MapPost("/cluster/down-unreachable", async (HttpContext http, CmdContext cmd) => Outcome(await cmd.Cluster.DownUnreachableAsync(http.RequestAborted)));
        group.MapGet("/cluster/tail", TailAsync);
    }

    /// <summary>A member as JSON.</summary>
    public static object Shape(Member m) => new
    {
        node = m.NodeId,
        address = m.Address,
        roles = m.Roles.Order(StringComparer.Ordinal).ToArray(),
        status = m.Status,
        reachable = m.Reachable,
        incarnation = m.Incarnation,
    };

    private static IResult Members(CmdContext cmd)
    {
        var members = cmd.Cluster.Members().OrderBy(m => m.Address, StringComparer.Ordinal).ToList();
        return ApiResults.Json(new { provider = cmd.Cluster.Provider, members = members.Select(Shape), count = members.Count });
    }

    private static IResult Status(CmdContext cmd)
    {
        var members = cmd.Cluster.Members();
        return ApiResults.Json(new
        {
            provider = cmd.Cluster.Provider,
            self = Shape(cmd.Cluster.Self),
            leader = cmd.Cluster.Leader(),
            members = members.Count,
            up = members.Count(m => m.Status == MemberStatus.Up),
            unreachable = members.Count(m => !m.Reachable),
        });
    }

    private static IResult Leader(CmdContext cmd) => cmd.Cluster.Leader() is { } leader
        ? ApiResults.Json(new { leader })
        : ApiResults.Error(StatusCodes.Status404NotFound, null, "the cluster has no leader now");

    private static async Task<IResult> RunAsync(HttpContext http, CmdContext cmd, Func<IClusterAdmin, string, CancellationToken, Task<ClusterCommandResult>> command)
    {
        var address = http.Request.Query["address"].ToString();
        if (address.Length == 0) return ApiResults.Error(StatusCodes.Status400BadRequest, "address", "a member address is required");
        return Outcome(await command(cmd.Cluster, address, http.RequestAborted));
    }

    private static IResult Outcome(ClusterCommandResult result) => result.Succeeded
        ? ApiResults.Json(new { message = result.Message })
        : ApiResults.Error(StatusCodes.Status409Conflict, null, result.Message);

    private static Task TailAsync(HttpContext http, CmdContext cmd, IHostApplicationLifetime lifetime) =>
        NdJson.StreamAsync(http, cmd.Cluster.EventsAsync, e => new { @event = e.GetType().Name, member = Shape(e.Member) }, lifetime.ApplicationStopping);
}
