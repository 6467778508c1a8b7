using System.Text.Json;
using Serenity.Server.Api;
using Serenity.Trading;

namespace Serenity.Server.Tests.Unit;

public sealed class WireTests
{
    [Fact]
    public void Orders_are_written_in_snake_case_with_lower_snake_enums_and_utc_times()
    {
        var at = new DateTime(2026, 1, 5, 15, 0, 0, DateTimeKind.Utc);
        var view = new OrderView("ada-1", "c-1", "AAPL", OrderSide.Buy, OrderType.Limit, TimeInForce.Gtc, 10m, 99.5m, 4m, 99.4m, OrderStatus.PartiallyFilled, at, at);
        var json = JsonSerializer.Serialize(WireMapper.Order(view), ServerJson.Options);
        using var doc = JsonDocument.Parse(json);
        var o = doc.RootElement;
        Assert.Equal("partially_filled", o.GetProperty("status").GetString());
        Assert.Equal("gtc", o.GetProperty("time_in_force").GetString());
        Assert.Equal("limit", o.GetProperty("type").GetString());
        Assert.Equal(99.5m, o.GetProperty("limit_price").GetDecimal());
        Assert.Equal("2026-01-05T15:00:00Z", o.GetProperty("created_at").GetString());
        Assert.Equal(JsonValueKind.Null, o.GetProperty("fill").ValueKind);
    }

    [Fact]
    public void Order_ids_name_their_owner()
    {
        Assert.Equal("ada", UserIds.OwnerOfOrder("ada-12"));
        Assert.Equal("bob-x", UserIds.OwnerOfOrder("bob-x-3"));
        Assert.Null(UserIds.OwnerOfOrder("nonsense"));
        Assert.Null(UserIds.OwnerOfOrder("ada-fill-x"));
    }
}
