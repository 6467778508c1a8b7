using Serenity.Hocon;

namespace Serenity.Persistence.PostgreSql.Tests;

/// <summary>The plugin sections' settings; secrets stay out of messages. No server needed.</summary>
public sealed class SettingsTests
{
    [Fact]
    public void An_empty_connection_string_is_a_config_error_naming_the_key_and_the_variable()
    {
        var config = ConfigurationFactory.ParseString("connection-string = \"\"\nschema = public", "test.conf");

        var e = Assert.Throws<ConfigException>(() => new PostgreSqlJournalStore(config));

        Assert.Equal("serenity.persistence.journal.postgresql.connection-string", e.Path);
        Assert.Contains("SERENITY_POSTGRES_CONNECTION", e.Message, StringComparison.Ordinal);
        Assert.Contains("test.conf", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_schema_is_a_config_error()
    {
        var config = ConfigurationFactory.ParseString("connection-string = \"Host=127.0.0.1\"\nschema = \"\"");

        var e = Assert.Throws<ConfigException>(() => new PostgreSqlSnapshotStore(config));

        Assert.Equal("serenity.persistence.snapshot-store.postgresql.schema", e.Path);
    }

    [Fact]
    public void A_malformed_connection_string_is_reported_without_its_text()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new PostgreSqlJournalStore("Host=127.0.0.1;Password=hunter2;Flux Capacitor=on", "public"));

        Assert.DoesNotContain("hunter2", e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Flux", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_config_names_these_plugin_classes()
    {
        var defaults = ConfigurationFactory.FromEmbeddedResource(typeof(Actors.ActorSystem).Assembly, "serenity.conf");

        Assert.Equal(typeof(PostgreSqlJournalStore), Type.GetType(defaults.GetString("serenity.persistence.journal.postgresql.class")));
        Assert.Equal(typeof(PostgreSqlSnapshotStore), Type.GetType(defaults.GetString("serenity.persistence.snapshot-store.postgresql.class")));
    }

    [Fact]
    public async Task The_pool_is_bounded_unless_the_connection_string_sizes_it()
    {
        await using var defaulted = PostgreSqlDataSource.Create("Host=127.0.0.1;Username=u");
        await using var sized = PostgreSqlDataSource.Create("Host=127.0.0.1;Username=u;Maximum Pool Size=3");
        await using var sizedBySynonym = PostgreSqlDataSource.Create("Host=127.0.0.1;Username=u;maxpoolsize=4");
        await using var withMinimum = PostgreSqlDataSource.Create("Host=127.0.0.1;Username=u;Minimum Pool Size=12");

        Assert.Equal(PostgreSqlDataSource.DefaultMaxPoolSize, new Npgsql.NpgsqlConnectionStringBuilder(defaulted.ConnectionString).MaxPoolSize);
        Assert.Equal(3, new Npgsql.NpgsqlConnectionStringBuilder(sized.ConnectionString).MaxPoolSize);
        Assert.Equal(4, new Npgsql.NpgsqlConnectionStringBuilder(sizedBySynonym.ConnectionString).MaxPoolSize);
        Assert.Equal(12, new Npgsql.NpgsqlConnectionStringBuilder(withMinimum.ConnectionString).MaxPoolSize);
    }
}
