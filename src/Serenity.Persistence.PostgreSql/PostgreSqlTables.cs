namespace Serenity.Persistence.PostgreSql;

/// <summary>The quoted, schema-qualified names of the plugin's tables.</summary>
internal sealed class PostgreSqlTables
{
    public PostgreSqlTables(string schema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        SchemaName = schema;
        Schema = Quote(schema);
        Journal = Schema + ".journal";
        Metadata = Schema + ".journal_metadata";
        Snapshot = Schema + ".snapshot";
    }

    /// <summary>The schema's name, unquoted.</summary>
    public string SchemaName { get; }

    /// <summary>The quoted schema.</summary>
    public string Schema { get; }

    /// <summary>Events: one row per (persistence id, sequence nr).</summary>
    public string Journal { get; }

    /// <summary>The highest sequence nr of ids whose newest events were deleted.</summary>
    public string Metadata { get; }

    /// <summary>Snapshots: one row per (persistence id, sequence nr).</summary>
    public string Snapshot { get; }

    /// <summary>Quotes an identifier for SQL text (doubling embedded quotes).</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
