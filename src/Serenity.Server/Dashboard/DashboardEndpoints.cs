using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Serenity.Server.Dashboard;

/// <summary>
/// Serves the dashboard's static files (wwwroot: index.html, login.html, js/, css/, and vendor/, which the
/// build fills from npm) from the server. Every file is sent with <c>Cache-Control: no-cache</c>, so the
/// browser revalidates (ETag / Last-Modified, answered 304 when unchanged) and never runs a stale script
/// after an upgrade; WebAssembly is served as <c>application/wasm</c> so browsers can stream-compile it.
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>The content types the dashboard needs beyond ASP.NET Core's defaults.</summary>
    internal static FileExtensionContentTypeProvider ContentTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".wasm"] = "application/wasm";
        types.Mappings[".js"] = "text/javascript";
        types.Mappings[".mjs"] = "text/javascript";
        types.Mappings[".map"] = "application/json";
        return types;
    }

    /// <summary>Adds the dashboard's static files to the pipeline: <c>/</c> is index.html, the login page is /login.html.</summary>
    public static WebApplication UseSerenityDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        IFileProvider files = app.Environment.WebRootFileProvider;
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = ContentTypes(),
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers[HeaderNames.CacheControl] = "no-cache";
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
            },
        });
        return app;
    }
}
