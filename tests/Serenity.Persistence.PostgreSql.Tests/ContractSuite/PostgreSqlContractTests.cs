using Serenity.Persistence.PostgreSql.Tests.Fixture;
using Serenity.Persistence.Tests.Contract;
using Xunit.Abstractions;

namespace Serenity.Persistence.PostgreSql.Tests.ContractSuite;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlJournalStoreContractTests(PostgreSqlFixture fixture) : JournalStoreContract(new PostgreSqlPlugin(fixture));

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlSnapshotStoreContractTests(PostgreSqlFixture fixture) : SnapshotStoreContract(new PostgreSqlPlugin(fixture));

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlPersistentActorContractTests(PostgreSqlFixture fixture, ITestOutputHelper output) : PersistentActorContract(new PostgreSqlPlugin(fixture), output);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlManyActorsContractTests(PostgreSqlFixture fixture, ITestOutputHelper output) : ManyActorsContract(new PostgreSqlPlugin(fixture), output);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlJournalFailureContractTests(PostgreSqlFixture fixture, ITestOutputHelper output) : JournalFailureContract(new PostgreSqlPlugin(fixture), output);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlDurableContractTests(PostgreSqlFixture fixture, ITestOutputHelper output) : DurablePluginContract(new PostgreSqlPlugin(fixture), output);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlCrashRecoveryContractTests(PostgreSqlFixture fixture) : CrashRecoveryContract(new PostgreSqlPlugin(fixture));

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlDeferredWriteContractTests(PostgreSqlFixture fixture, ITestOutputHelper output) : DeferredWriteContract(new PostgreSqlPlugin(fixture), output);
