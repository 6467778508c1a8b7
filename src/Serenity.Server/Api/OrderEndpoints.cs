using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Serenity.Server.Hosting;
using Serenity.Trading;

namespace Serenity.Server.Api;

/// <summary>Orders (submit, list, cancel) and trades of the user's own account.</summary>
public static class OrderEndpoints
{
    /// <summary>Orders listed at most per request.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Maps the endpoints.</summary>
    public static void MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/orders", SubmitAsync);
        app.MapGet("/api/orders", ListAsync);
        app.MapDelete("/api/orders/{order_id}", CancelAsync);
        app.MapGet("/api/trades", TradesAsync);
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, ServerContext server)
    {
        var user = http.RequireUser();
        var started = Stopwatch.GetTimestamp();
        var requestTime = server.UtcNow;
        SubmitOrder order;
        using (var body = await JsonBody.ReadAsync(http.Request))
        {
            try
            {
                order = OrderRequest.Read(body, server.Board);
            }
            catch (ApiException)
            {
                server.Metrics.OrderRejectedEarly();
                throw;
            }
        }
        var result = await server.AskAsync<OrderResult>(server.Entities.Account(user), order, http.RequestAborted);
        server.Metrics.Order(result.Accepted, Stopwatch.GetElapsedTime(started));
        if (!result.Accepted)
        {
            var field = result.Field ?? "order";
            var reason = result.Reason ?? "rejected";
            if (field == "client_order_id") throw ApiException.Conflict(field, reason);
            if (field == "user_id") throw ApiException.Unauthorized(reason);
            throw ApiException.BadRequest(field, reason);
        }
        var dto = WireMapper.Order(result, order, server.UtcNow);
        // An idempotent resubmit returns the order the first request created: it is older than this request.
        var existing = order.ClientOrderId is not null && dto.CreatedAt < requestTime;
        return ApiResults.Json(dto, existing ? StatusCodes.Status200OK : StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(HttpContext http, ServerContext server)
    {
        var user = http.RequireUser();
        var status = http.Request.Query["status"].ToString();
        var openOnly = status switch
        {
            "" or "all" => false,
            "open" => true,
            _ => throw ApiException.BadRequest("status", "status must be open or all"),
        };
        var limit = http.QueryInt("limit", 100, 1, MaxLimit);
        var orders = await server.AskAsync<OrdersView>(server.Entities.Account(user), new GetOrders(openOnly, limit), http.RequestAborted);
        return ApiResults.Json(new OrdersDto([.. orders.Orders.Select(o => WireMapper.Order(o))]));
    }

    private static async Task<IResult> CancelAsync(HttpContext http, ServerContext server, [FromRoute(Name = "order_id")] string orderId)
    {
        var user = http.RequireUser();
        if (UserIds.OwnerOfOrder(orderId) is { } owner && owner != user) throw ApiException.Forbidden("order_id", "the order belongs to another user");
        var account = server.Entities.Account(user);
        var result = await server.AskAsync<CommandResult>(account, new CancelOrder(orderId), http.RequestAborted);
        if (!result.Success)
        {
            var reason = result.Reason ?? "cannot cancel";
            if (result.Field is "order_id" or null)
            {
                var unknown = reason.Contains("unknown", StringComparison.OrdinalIgnoreCase) || reason.Contains("not found", StringComparison.OrdinalIgnoreCase);
                throw unknown ? ApiException.NotFound("order_id", reason) : ApiException.Conflict("order_id", reason);
            }
            if (result.Field == "user_id") throw ApiException.Unauthorized(reason);
            throw ApiException.BadRequest(result.Field, reason);
        }
        var orders = await server.AskAsync<OrdersView>(account, new GetOrders(false, MaxLimit), http.RequestAborted);
        var canceled = orders.Orders.FirstOrDefault(o => o.OrderId == orderId) ?? throw ApiException.NotFound("order_id", $"unknown order: {orderId}");
        return ApiResults.Json(WireMapper.Order(canceled));
    }

    private static async Task<IResult> TradesAsync(HttpContext http, ServerContext server)
    {
        var user = http.RequireUser();
        var limit = http.QueryInt("limit", 100, 1, MaxLimit);
        var trades = await server.AskAsync<TradesView>(server.Entities.Account(user), new GetTrades(limit), http.RequestAborted);
        return ApiResults.Json(new TradesDto([.. trades.Trades.Select(WireMapper.Trade)]));
    }
}
