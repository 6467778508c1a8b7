using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serenity.Risk.Entities.Strategies;
using Serenity.Server.Hosting;
using Serenity.Trading;

namespace Serenity.Server.Api;

/// <summary>
/// The user's strategies: GET /api/strategies (list), PUT /api/strategies (enable <c>{symbol, strategy, quantity}</c>),
/// DELETE /api/strategies/{symbol} (disable), and GET /api/signals?symbol=&amp;limit= (entry/exit signals, newest first).
/// </summary>
public static class StrategyEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapStrategyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/strategies", ListAsync);
        app.MapPut("/api/strategies", EnableAsync);
        app.MapDelete("/api/strategies/{symbol}", DisableAsync);
        app.MapGet("/api/signals", SignalsAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext http, ServerContext server)
    {
        var user = http.RequireUser();
        var runner = server.Risk.Strategies(user);
        await RiskEndpoints.RequireAccountAsync(server, user, http.RequestAborted);
        var view = await server.AskAsync<StrategiesView>(runner, GetStrategies.Instance, http.RequestAborted);
        return ApiResults.Json(new StrategiesDto([.. view.Strategies.Select(RiskWireMapper.Strategy)]));
    }

    private static async Task<IResult> EnableAsync(HttpContext http, ServerContext server)
    {
        var user = http.RequireUser();
        var runner = server.Risk.Strategies(user);
        EnableStrategy command;
        using (var body = await JsonBody.ReadAsync(http.Request))
        {
            command = StrategyRequest.Parse(body, server.Board);
        }
        await RiskEndpoints.RequireAccountAsync(server, user, http.RequestAborted);
        var result = await server.AskAsync<CommandResult>(runner, command, http.RequestAborted);
        if (!result.Success) throw ApiException.BadRequest(result.Field ?? "body", result.Reason ?? "rejected");
        var view = await server.AskAsync<StrategiesView>(runner, GetStrategies.Instance, http.RequestAborted);
        var enabled = view.Strategies.First(s => s.Symbol == command.Symbol);
        return ApiResults.Json(RiskWireMapper.Strategy(enabled));
    }

    private static async Task<IResult> DisableAsync(HttpContext http, ServerContext server, string symbol)
    {
        var user = http.RequireUser();
        var runner = server.Risk.Strategies(user);
        var s = symbol.Trim().ToUpperInvariant();
        if (!server.Board.IsKnown(s)) throw ApiException.NotFound("symbol", $"unknown symbol: {symbol}");
        await RiskEndpoints.RequireAccountAsync(server, user, http.RequestAborted);
        var result = await server.AskAsync<CommandResult>(runner, new DisableStrategy(s), http.RequestAborted);
        if (!result.Success) throw ApiException.NotFound(result.Field ?? "symbol", result.Reason ?? $"no strategy enabled on {s}");
        var view = await server.AskAsync<StrategiesView>(runner, GetStrategies.Instance, http.RequestAborted);
        return ApiResults.Json(RiskWireMapper.Strategy(view.Strategies.First(x => x.Symbol == s)));
    }

    private static async Task<IResult> SignalsAsync(HttpContext http, ServerContext server)
    {
        var user = http.RequireUser();
        var runner = server.Risk.Strategies(user);
        var text = http.Request.Query["symbol"].ToString().Trim().ToUpperInvariant();
        if (text.Length > 0 && !server.Board.IsKnown(text)) throw ApiException.NotFound("symbol", $"unknown symbol: {text}");
        var limit = http.QueryInt("limit", 200, 1, 10_000);
        await RiskEndpoints.RequireAccountAsync(server, user, http.RequestAborted);
        var view = await server.AskAsync<SignalsView>(runner, new GetSignals(text.Length > 0 ? text : null, limit), http.RequestAborted);
        return ApiResults.Json(new SignalsDto([.. view.Signals.Select(RiskWireMapper.Signal)]));
    }
}
