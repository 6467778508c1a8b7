using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serenity.Server.Hosting;
using Serenity.Trading;

namespace Serenity.Server.Api;

/// <summary>Symbols, quotes, bars and the user's watchlist.</summary>
public static class MarketEndpoints
{
    private static readonly int[] s_buckets = [1, 5, 15, 60];

    /// <summary>Maps the endpoints.</summary>
    public static void MapMarketEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/symbols", (HttpContext http, ServerContext server) =>
        {
            http.RequireUser();
            return ApiResults.Json(new SymbolsDto(server.Board.Symbols));
        });
        app.MapGet("/api/quotes", Quotes);
        app.MapGet("/api/quotes/{symbol}", (HttpContext http, ServerContext server, string symbol) =>
        {
            http.RequireUser();
            return ApiResults.Json(server.Board.Ticker(Known(server, symbol, "symbol")));
        });
        app.MapGet("/api/bars/{symbol}", BarsAsync);
        app.MapGet("/api/watchlist", GetWatchlistAsync);
        app.MapPut("/api/watchlist", PutWatchlistAsync);
    }

    private static string Known(ServerContext server, string symbol, string field)
    {
        var s = symbol.Trim().ToUpperInvariant();
        return server.Board.IsKnown(s) ? s : throw ApiException.NotFound(field, $"unknown symbol: {symbol}");
    }

    private static IResult Quotes(HttpContext http, ServerContext server)
    {
        http.RequireUser();
        var text = http.Request.Query["symbols"].ToString();
        var symbols = text.Length == 0
            ? server.Board.Symbols
            : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => Known(server, s, "symbols"))];
        return ApiResults.Json(new QuotesDto([.. symbols.Distinct(StringComparer.Ordinal).Select(server.Board.Ticker)]));
    }

    private static async Task<IResult> BarsAsync(HttpContext http, ServerContext server, string symbol)
    {
        http.RequireUser();
        var s = Known(server, symbol, "symbol");
        var bucket = http.QueryInt("bucket", 1, 1, 60);
        if (!s_buckets.Contains(bucket)) throw ApiException.BadRequest("bucket", "bucket must be 1, 5, 15 or 60 (minutes)");
        var from = http.QueryTime("from");
        var to = http.QueryTime("to");
        if (from is { } f && to is { } t && f > t) throw ApiException.BadRequest("from", "from must not be after to");
        var bars = await HistoricalBars.LoadAsync(server, s, from, to, bucket, http.RequestAborted);
        return ApiResults.Json(new BarsDto(s, bucket, [.. bars.Select(WireMapper.Bar)]));
    }

    private static async Task<IResult> GetWatchlistAsync(HttpContext http, ServerContext server)
    {
        var user = http.RequireUser();
        var view = await server.AskAsync<WatchlistView>(server.Entities.Account(user), new GetWatchlist(), http.RequestAborted);
        return ApiResults.Json(new SymbolsDto(view.Symbols));
    }

    private static async Task<IResult> PutWatchlistAsync(HttpContext http, ServerContext server)
    {
        var user = http.RequireUser();
        IReadOnlyList<string> symbols;
        using (var body = await JsonBody.ReadAsync(http.Request))
        {
            var list = body.OptionalStringList("symbols") ?? throw ApiException.BadRequest("symbols", "symbols is required");
            if (list.Count > 100) throw ApiException.BadRequest("symbols", "at most 100 symbols");
            symbols = [.. list.Select(x => x.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal)];
            if (symbols.FirstOrDefault(x => !server.Board.IsKnown(x)) is { } unknown) throw ApiException.BadRequest("symbols", $"unknown symbol: {unknown}");
        }
        var account = server.Entities.Account(user);
        var result = await server.AskAsync<CommandResult>(account, new SetWatchlist(symbols), http.RequestAborted);
        if (!result.Success) throw ApiException.BadRequest(result.Field ?? "symbols", result.Reason ?? "rejected");
        var view = await server.AskAsync<WatchlistView>(account, new GetWatchlist(), http.RequestAborted);
        return ApiResults.Json(new SymbolsDto(view.Symbols));
    }
}
