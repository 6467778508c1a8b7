using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serenity.Risk.Entities;
using Serenity.Server.Hosting;
using Serenity.Trading;

namespace Serenity.Server.Api;

/// <summary>GET /api/risk: the user's own risk (newest snapshot and VaR history).</summary>
public static class RiskEndpoints
{
    /// <summary>Maps the endpoint.</summary>
    public static void MapRiskEndpoints(this IEndpointRouteBuilder app) => app.MapGet("/api/risk", GetRiskAsync);

    private static async Task<IResult> GetRiskAsync(HttpContext http, ServerContext server)
    {
        var user = http.RequireUser();
        var entity = server.Risk.Risk(user);
        var account = await RequireAccountAsync(server, user, http.RequestAborted);
        // The account's view, just read, goes to the Risk entity first: one that this request starts answers with the
        // account's holdings rather than before its own first sync.
        entity.Tell(account, Serenity.Actors.ActorRefs.NoSender);
        var view = await server.AskAsync<RiskView>(entity, GetRisk.Instance, http.RequestAborted);
        return ApiResults.Json(RiskWireMapper.Risk(view));
    }

    /// <summary>The account of <paramref name="user"/>; a 401 when it does not exist (a token that outlived a wiped node).</summary>
    public static async Task<AccountView> RequireAccountAsync(ServerContext server, string user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        var account = await server.AskAsync<AccountView>(server.Entities.Account(user), new GetAccount(), cancellationToken);
        return account.Registered ? account : throw ApiException.Unauthorized("the account does not exist");
    }
}
