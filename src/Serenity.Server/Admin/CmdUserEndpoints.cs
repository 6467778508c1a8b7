using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serenity.Actors;
using Serenity.Risk.Entities;
using Serenity.Server.Api;
using Serenity.Trading;

namespace Serenity.Server.Admin;

/// <summary>The <c>account</c>, <c>portfolio</c> and <c>risk</c> palettes: <c>show &lt;user&gt;</c>, asked of the user's entities.</summary>
internal static class CmdUserEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/account/{user}", AccountAsync);
        group.MapGet("/portfolio/{user}", PortfolioAsync);
        group.MapGet("/risk/{user}", RiskAsync);
    }

    private static async Task<IResult> AccountAsync(string user, HttpContext http, CmdContext cmd)
    {
        if (await RegisteredAsync(user, http, cmd) is not { } account) return NoAccount(user);
        return ApiResults.Json(new
        {
            user = account.UserId,
            cash = account.Cash,
            reserved_cash = account.ReservedCash,
            buying_power = account.BuyingPower,
            open_orders = account.OpenOrders,
            locked = account.Locked,
            failed_logins = account.FailedLogins,
            // A list, not an object: the API's JSON conventions would lower-case symbol keys.
            holdings = account.Holdings.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => new { symbol = h.Key, quantity = h.Value }).ToList(),
        });
    }

    private static async Task<IResult> PortfolioAsync(string user, HttpContext http, CmdContext cmd)
    {
        if (await RegisteredAsync(user, http, cmd) is null) return NoAccount(user);
        var portfolio = await cmd.Server.AskAsync<PortfolioView>(cmd.Server.Entities.Portfolio(user), new GetPortfolio(), http.RequestAborted);
        var positions = portfolio.Positions.Values.OrderBy(p => p.Symbol, StringComparer.Ordinal).Select(p => new
        {
            symbol = p.Symbol,
            quantity = p.Quantity,
            average_cost = p.AverageCost,
            market_price = p.MarketPrice,
            market_value = p.MarketValue,
            unrealized_pnl = p.UnrealizedPnl,
        }).ToList();
        return ApiResults.Json(new { user = portfolio.UserId, cash = portfolio.Cash, realized_pnl = portfolio.RealizedPnl, positions });
    }

    private static async Task<IResult> RiskAsync(string user, HttpContext http, CmdContext cmd)
    {
        if (await RegisteredAsync(user, http, cmd) is not { } account) return NoAccount(user);
        var entity = cmd.Server.Risk.Risk(user); // a 404 with the reason when risk is off on this node
        // As the REST endpoint does: the account's view goes first, so a Risk entity this request starts knows the holdings.
        entity.Tell(account, ActorRefs.NoSender);
        var view = await cmd.Server.AskAsync<RiskView>(entity, GetRisk.Instance, http.RequestAborted);
        return ApiResults.Json(RiskWireMapper.Risk(view));
    }

    private static async Task<AccountView?> RegisteredAsync(string user, HttpContext http, CmdContext cmd)
    {
        if (UserIds.Problem(user) is { } problem) throw ApiException.BadRequest("user", problem);
        var account = await cmd.Server.AskAsync<AccountView>(cmd.Server.Entities.Account(user), new GetAccount(), http.RequestAborted);
        return account.Registered ? account : null;
    }

    private static IResult NoAccount(string user) => ApiResults.Error(StatusCodes.Status404NotFound, "user", $"no account '{user}' on this node");
}
