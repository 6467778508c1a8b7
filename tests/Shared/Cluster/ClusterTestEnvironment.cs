using Serenity.TestSupport.PostgreSql;
using Serenity.TestSupport.RabbitMq;

namespace Serenity.Tests.Shared;

/// <summary>
/// Whether the cluster tests run here: they need PostgreSQL and RabbitMQ binaries. Missing ones skip
/// them with the reason, except in CI (<c>CI=true</c>), where they run and fail.
/// </summary>
public static class ClusterTestEnvironment
{
    private static readonly Lazy<string?> s_skipReason = new(FindSkipReason);

    /// <summary>True when the environment variable CI is "true".</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the tests are skipped, or null when they run.</summary>
    public static string? SkipReason => s_skipReason.Value;

    private static string? FindSkipReason()
    {
        if (IsCi) return null;
        var (postgres, pgProblem) = PostgreSqlInstallation.FindAsync().GetAwaiter().GetResult();
        if (postgres is null) return $"cluster tests skipped: {pgProblem}. (With CI=true this is a failure.)";
        var (rabbit, rabbitProblem) = RabbitMqInstallation.Find();
        return rabbit is null ? $"cluster tests skipped: {rabbitProblem}. (With CI=true this is a failure.)" : null;
    }
}
