using Microsoft.AspNetCore.Builder;

namespace Serenity.Server.Dashboard;

/// <summary>Serves the dashboard's static files (wwwroot) from the server.</summary>
public static class DashboardEndpoints
{
    /// <summary>Adds the dashboard's static files to the pipeline.</summary>
    public static WebApplication UseSerenityDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }
}
