using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Serenity.Server.Api;
using Serenity.Server.Auth;

namespace Serenity.Server.Admin;

/// <summary>
/// Refuses (401) a request without the right <c>Authorization: Bearer</c> admin token when the listener requires one
/// (<see cref="CmdSettings.TokenRequired"/>); a loopback listener that does not require it lets every request in.
/// </summary>
internal static class CmdTokenFilter
{
    public static async ValueTask<object?> CheckAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var holder = (CmdContextHolder)context.HttpContext.RequestServices.GetService(typeof(CmdContextHolder))!;
        if (holder.Context is not { } cmd) return ApiResults.Error(StatusCodes.Status503ServiceUnavailable, null, "the admin listener is starting");
        if (cmd.Settings.TokenRequired)
        {
            if (cmd.AdminToken is not { } expected)
            {
                return ApiResults.Error(StatusCodes.Status401Unauthorized, null, $"this node requires an admin token but has none set ({CmdSettings.TokenVariable})");
            }
            var given = BearerAuthenticationMiddleware.BearerToken(context.HttpContext.Request.Headers.Authorization.ToString()) ?? "";
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
            {
                return ApiResults.Error(StatusCodes.Status401Unauthorized, null, $"the admin token is missing or wrong (set {CmdSettings.TokenVariable} to the node's token)");
            }
        }
        return await next(context);
    }
}
