namespace Serenity.Persistence.PostgreSql.Tests.Fixture;

/// <summary>
/// The tests that share one PostgreSQL server (they run one class at a time). Where no server can be
/// started they are skipped with the reason (<see cref="PostgreSqlTestFramework"/>), except in CI.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "PostgreSQL server";
}
