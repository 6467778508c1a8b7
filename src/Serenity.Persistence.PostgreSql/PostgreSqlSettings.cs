using Serenity.Hocon;

namespace Serenity.Persistence.PostgreSql;

/// <summary>
/// The settings of a PostgreSQL plugin section (<c>connection-string</c>, <c>schema</c>). The connection
/// string is a secret: it never appears in a message, a log line or <see cref="ToString"/>.
/// </summary>
internal sealed class PostgreSqlSettings
{
    /// <summary>The environment variable the default HOCON reads the connection string from.</summary>
    public const string ConnectionEnvironmentVariable = "SERENITY_POSTGRES_CONNECTION";

    private PostgreSqlSettings(string connectionString, string schema)
    {
        ConnectionString = connectionString;
        Schema = schema;
    }

    /// <summary>The Npgsql connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>The schema holding the tables.</summary>
    public string Schema { get; }

    /// <summary>Checked settings from explicit values.</summary>
    public static PostgreSqlSettings Create(string connectionString, string schema)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException($"the PostgreSQL connection string is empty (set {ConnectionEnvironmentVariable})", nameof(connectionString));
        }
        if (string.IsNullOrWhiteSpace(schema)) throw new ArgumentException("the PostgreSQL schema name is empty", nameof(schema));
        return new PostgreSqlSettings(connectionString, schema);
    }

    /// <summary>Settings read from a plugin section; <paramref name="sectionPath"/> names it in errors.</summary>
    public static PostgreSqlSettings FromConfig(Config config, string sectionPath)
    {
        ArgumentNullException.ThrowIfNull(config);
        var connectionString = config.GetString("connection-string", "");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ConfigException(sectionPath + ".connection-string",
                $"{sectionPath}.connection-string{Origin(config, "connection-string")}: expected an Npgsql connection string, found none (set the environment variable {ConnectionEnvironmentVariable})");
        }
        var schema = config.GetString("schema", "public");
        if (string.IsNullOrWhiteSpace(schema))
        {
            throw new ConfigException(sectionPath + ".schema", $"{sectionPath}.schema{Origin(config, "schema")}: expected a schema name, found an empty string");
        }
        return new PostgreSqlSettings(connectionString, schema);
    }

    /// <inheritdoc />
    public override string ToString() => $"PostgreSQL (schema {Schema})";

    private static string Origin(Config config, string path) => config.OriginOf(path) is { } o ? " at " + o : "";
}
