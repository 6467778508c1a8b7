using Serenity.Tests.Shared;
using Xunit.Abstractions;

[assembly: TestFramework("Serenity.Persistence.PostgreSql.Tests.Fixture.PostgreSqlTestFramework", "Serenity.Persistence.PostgreSql.Tests")]

namespace Serenity.Persistence.PostgreSql.Tests.Fixture;

/// <summary>Where no PostgreSQL server can be started (and CI is not "true"), the <see cref="PostgreSqlCollection"/> is discovered as skipped.</summary>
public sealed class PostgreSqlTestFramework(IMessageSink messageSink)
    : EnvironmentSkippingTestFramework(messageSink, PostgreSqlCollection.Name, () => PostgreSqlTestEnvironment.SkipReason);
