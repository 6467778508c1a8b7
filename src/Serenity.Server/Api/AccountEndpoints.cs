using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serenity.Server.Hosting;
using Serenity.Trading;

namespace Serenity.Server.Api;

/// <summary>The user's own account, portfolio and value history.</summary>
public static class AccountEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/account", GetAccountAsync);
        app.MapPost("/api/account/reset", ResetAsync);
        app.MapGet("/api/portfolio", GetPortfolioAsync);
        app.MapGet("/api/portfolio/history", GetHistoryAsync);
    }

    /// <summary>The user's portfolio with the account's cash (the authority on cash).</summary>
    public static async Task<(AccountView Account, PortfolioDto Portfolio)> LoadAsync(ServerContext server, string user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        var account = server.AskAsync<AccountView>(server.Entities.Account(user), new GetAccount(), cancellationToken);
        var portfolio = server.AskAsync<PortfolioView>(server.Entities.Portfolio(user), new GetPortfolio(), cancellationToken);
        var a = await account;
        if (!a.Registered) throw ApiException.Unauthorized("the account does not exist");
        return (a, WireMapper.Portfolio(await portfolio, a.Cash));
    }

    private static async Task<IResult> GetAccountAsync(HttpContext http, ServerContext server)
    {
        var user = http.RequireUser();
        var (account, portfolio) = await LoadAsync(server, user, http.RequestAborted);
        return ApiResults.Json(WireMapper.Account(user, account.Cash, portfolio, BuyingPower(account)));
    }

    /// <summary>The account's buying power; accounts answering without one (older contract) spend their cash.</summary>
    public static decimal BuyingPower(AccountView account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.BuyingPower == 0m && account.ReservedCash == 0m ? account.Cash : account.BuyingPower;
    }

    private static async Task<IResult> ResetAsync(HttpContext http, ServerContext server)
    {
        var user = http.RequireUser();
        var result = await server.AskAsync<CommandResult>(server.Entities.Account(user), new ResetAccount(), http.RequestAborted);
        if (!result.Success) throw ApiException.Unauthorized(result.Reason ?? "the account does not exist");
        var account = await server.AskAsync<AccountView>(server.Entities.Account(user), new GetAccount(), http.RequestAborted);
        return ApiResults.Json(new ResetDto(user, account.Cash));
    }

    private static async Task<IResult> GetPortfolioAsync(HttpContext http, ServerContext server)
    {
        var user = http.RequireUser();
        var (_, portfolio) = await LoadAsync(server, user, http.RequestAborted);
        return ApiResults.Json(portfolio);
    }

    private static async Task<IResult> GetHistoryAsync(HttpContext http, ServerContext server)
    {
        var user = http.RequireUser();
        var from = http.QueryTime("from");
        var to = http.QueryTime("to");
        if (from is { } f && to is { } t && f > t) throw ApiException.BadRequest("from", "from must not be after to");
        var history = await server.AskAsync<ValueHistoryView>(server.Entities.Portfolio(user), new GetValueHistory(from, to), http.RequestAborted);
        return ApiResults.Json(new HistoryDto([.. history.Points.Select(p => new ValuePointDto(WireMapper.Utc(p.Timestamp), p.Equity, p.Cash, p.MarketValue))]));
    }
}
