using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serenity.Server.Api;
using Serenity.Server.Auth;
using Serenity.Server.Hosting;

namespace Serenity.Server.Push;

/// <summary>GET /ws?token=...: the push channel (see <see cref="PushSession"/>).</summary>
public static class WebSocketEndpoint
{
    /// <summary>Maps the endpoint.</summary>
    public static void MapPushEndpoint(this IEndpointRouteBuilder app)
    {
        app.Map("/ws", async (HttpContext http, ServerContext server) =>
        {
            if (!http.WebSockets.IsWebSocketRequest)
            {
                await ApiResults.WriteErrorAsync(http, StatusCodes.Status400BadRequest, null, "a WebSocket upgrade is expected");
                return;
            }
            var user = http.UserId();
            if (user is null)
            {
                await ApiResults.WriteErrorAsync(http, StatusCodes.Status401Unauthorized, "token", "a valid token is required (?token=)");
                return;
            }
            var stopping = http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            await new PushSession(socket, user, server).RunAsync(stopping);
        });
    }
}
