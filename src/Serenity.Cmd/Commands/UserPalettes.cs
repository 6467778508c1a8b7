using System.Text.Json;
using Serenity.Cmd.Catalog;
using Serenity.Cmd.Output;
using Spectre.Console;

namespace Serenity.Cmd.Commands;

/// <summary>The per-user palettes: <c>account show</c>, <c>portfolio show</c>, <c>risk show</c>.</summary>
internal static class UserPalettes
{
    private static readonly ArgumentSpec User = new("user", "the user id");

    public static PaletteSpec Account { get; } = new("account", "a user's paper account",
    [
        new CommandSpec("show", "cash, buying power, open orders and holdings", [User], [],
            new CommandHandler(i => NodeRequest.Get("account/" + i.EscapedArgument(0)), RenderAccount)),
    ]);

    public static PaletteSpec Portfolio { get; } = new("portfolio", "a user's portfolio",
    [
        new CommandSpec("show", "positions with market value and P/L", [User], [],
            new CommandHandler(i => NodeRequest.Get("portfolio/" + i.EscapedArgument(0)), RenderPortfolio)),
    ]);

    public static PaletteSpec Risk { get; } = new("risk", "a user's portfolio risk",
    [
        new CommandSpec("show", "VaR/ES, exposure, drawdown", [User], [],
            new CommandHandler(i => NodeRequest.Get("risk/" + i.EscapedArgument(0)), RenderRisk)),
    ]);

    private static void RenderAccount(IAnsiConsole console, JsonElement answer)
    {
        Show.Fields(console, answer, ("User", "user"), ("Cash", "cash"), ("Reserved cash", "reserved_cash"), ("Buying power", "buying_power"),
            ("Open orders", "open_orders"), ("Locked", "locked"), ("Failed logins", "failed_logins"));
        var holdings = Show.Property(answer, "holdings");
        if (holdings.ValueKind != JsonValueKind.Array || holdings.GetArrayLength() == 0)
        {
            Show.Line(console, "Holdings: none");
            return;
        }
        Show.Rows(console, holdings, ("Symbol", "symbol"), ("Quantity", "quantity"));
    }

    private static void RenderPortfolio(IAnsiConsole console, JsonElement answer)
    {
        Show.Fields(console, answer, ("User", "user"), ("Cash", "cash"), ("Realized P/L", "realized_pnl"));
        var positions = Show.Property(answer, "positions");
        if (positions.GetArrayLength() == 0)
        {
            Show.Line(console, "Positions: none");
            return;
        }
        Show.Rows(console, positions, ("Symbol", "symbol"), ("Quantity", "quantity"), ("Avg cost", "average_cost"), ("Price", "market_price"),
            ("Value", "market_value"), ("Unrealized P/L", "unrealized_pnl"));
    }

    private static void RenderRisk(IAnsiConsole console, JsonElement answer)
    {
        Show.Fields(console, answer, ("User", "user_id"), ("As of", "snapshot.as_of"), ("Scenarios", "snapshot.scenario_count"), ("Window", "snapshot.window_length"),
            ("Cash", "snapshot.cash"), ("Portfolio value", "snapshot.portfolio_value"),
            ("VaR 95% (hist)", "snapshot.historical95.var"), ("ES 95% (hist)", "snapshot.historical95.expected_shortfall"),
            ("VaR 99% (hist)", "snapshot.historical99.var"), ("ES 99% (hist)", "snapshot.historical99.expected_shortfall"),
            ("VaR 95% (param)", "snapshot.parametric95.var"), ("VaR 99% (param)", "snapshot.parametric99.var"),
            ("Gross exposure", "snapshot.exposure.gross"), ("Net exposure", "snapshot.exposure.net"), ("Largest position", "snapshot.exposure.largest_symbol"),
            ("Max drawdown", "snapshot.drawdown.max_amount"), ("Current drawdown", "snapshot.drawdown.current_fraction"));
        var positions = Show.Property(answer, "snapshot.positions");
        if (positions.ValueKind == JsonValueKind.Array && positions.GetArrayLength() > 0)
        {
            Show.Rows(console, positions, ("Symbol", "symbol"), ("Quantity", "quantity"), ("Price", "price"), ("Value", "value"), ("Window returns", "window_returns"));
        }
    }
}
