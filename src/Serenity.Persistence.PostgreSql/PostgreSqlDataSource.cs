using System.Data.Common;
using Npgsql;

namespace Serenity.Persistence.PostgreSql;

/// <summary>Creates the pooled Npgsql data source a store talks through.</summary>
internal static class PostgreSqlDataSource
{
    /// <summary>
    /// Connections per store when the connection string does not say: a node has two stores, and
    /// PostgreSQL's default <c>max_connections</c> (100) is shared by every node, while Npgsql's own default
    /// pool (100) would let one node's recovery storm take them all.
    /// </summary>
    public const int DefaultMaxPoolSize = 10;

    private static readonly string[] s_maxPoolSizeKeys = ["maximumpoolsize", "maxpoolsize"];

    /// <summary>
    /// A data source for <paramref name="connectionString"/>. Unless the string sets them: at most
    /// <see cref="DefaultMaxPoolSize"/> connections, statements the store repeats prepared automatically,
    /// and the application name "serenity".
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString) => Create(connectionString, deferredCommits: false);

    /// <summary>
    /// As <see cref="Create(string)"/>; with <paramref name="deferredCommits"/>, its sessions start with
    /// <c>synchronous_commit = off</c>: a commit returns before its WAL is flushed, which the next synchronous commit's
    /// flush covers (PostgreSQL flushes its one WAL in order), and a server crash loses only a tail of such commits.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString, bool deferredCommits)
    {
        NpgsqlConnectionStringBuilder builder;
        DbConnectionStringBuilder given;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
            given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        }
        catch (ArgumentException e)
        {
            // The builder's message may quote the string; never let a password travel in an exception.
            throw new ArgumentException("the PostgreSQL connection string is malformed (its text is not shown: it may hold a password)", nameof(connectionString), e.InnerException);
        }
        var keys = given.Keys.Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
        if (!keys.Overlaps(s_maxPoolSizeKeys)) builder.MaxPoolSize = Math.Max(DefaultMaxPoolSize, builder.MinPoolSize);
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 32;
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "serenity";
        if (deferredCommits) builder.Options = $"{builder.Options} -c synchronous_commit=off".TrimStart();
        return NpgsqlDataSource.Create(builder);
    }
}
