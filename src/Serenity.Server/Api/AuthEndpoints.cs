using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serenity.Server.Hosting;
using Serenity.Trading;

namespace Serenity.Server.Api;

/// <summary>POST /api/register and POST /api/login. Passwords go to the Account entity and nowhere else.</summary>
public static class AuthEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/register", RegisterAsync);
        app.MapPost("/api/login", LoginAsync);
    }

    private static async Task<IResult> RegisterAsync(HttpContext http, ServerContext server)
    {
        var (user, password) = await ReadCredentialsAsync(http);
        var result = await server.AskAsync<CommandResult>(server.Entities.Account(user), new Register(user, password), http.RequestAborted);
        if (result.Success) return ApiResults.Json(new RegisteredDto(user), StatusCodes.Status201Created);
        var status = result.Field == "user_id" && result.Reason == "already registered" ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return ApiResults.Error(status, result.Field, result.Reason ?? "rejected");
    }

    private static async Task<IResult> LoginAsync(HttpContext http, ServerContext server)
    {
        var (user, password) = await ReadCredentialsAsync(http);
        var result = await server.AskAsync<LoginResult>(server.Entities.Account(user), new Login(user, password), http.RequestAborted);
        if (!result.Success)
        {
            var locked = result.Reason == "account locked";
            return ApiResults.Error(StatusCodes.Status401Unauthorized, locked ? "user_id" : "password", locked ? "account locked" : "invalid credentials");
        }
        var (token, expires) = server.Tokens.Issue(user);
        return ApiResults.Json(new LoginDto(token, user, expires));
    }

    private static async Task<(string User, string Password)> ReadCredentialsAsync(HttpContext http)
    {
        using var body = await JsonBody.ReadAsync(http.Request);
        var user = body.RequiredString("user_id");
        if (UserIds.Problem(user) is { } problem) throw ApiException.BadRequest("user_id", problem);
        var password = body.RequiredString("password");
        if (password.Length > 1024) throw ApiException.BadRequest("password", "password must be at most 1024 characters");
        return (user, password);
    }
}
