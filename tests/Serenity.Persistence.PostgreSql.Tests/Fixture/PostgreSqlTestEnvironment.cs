using Serenity.TestSupport.PostgreSql;

namespace Serenity.Persistence.PostgreSql.Tests.Fixture;

/// <summary>
/// Whether the PostgreSQL tests run here. Where no server can be started they are skipped with the
/// reason, except in CI (<c>CI=true</c>), where they run and fail: CI must test PostgreSQL.
/// </summary>
internal static class PostgreSqlTestEnvironment
{
    private static readonly Lazy<string?> s_skipReason = new(FindSkipReason);

    /// <summary>True when the environment variable CI is "true".</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the tests are skipped, or null when they run.</summary>
    public static string? SkipReason => s_skipReason.Value;

    private static string? FindSkipReason()
    {
        if (IsCi) return null;
        var (installation, problem) = PostgreSqlInstallation.FindAsync().GetAwaiter().GetResult();
        return installation is null ? $"PostgreSQL tests skipped: {problem}. (With CI=true this is a failure.)" : null;
    }
}
