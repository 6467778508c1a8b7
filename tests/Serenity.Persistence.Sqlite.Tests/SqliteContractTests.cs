using Serenity.Persistence.Tests.Contract;
using Xunit.Abstractions;

namespace Serenity.Persistence.Sqlite.Tests;

public sealed class SqliteJournalStoreTests() : JournalStoreContract(new SqlitePlugin());

public sealed class SqliteSnapshotStoreTests() : SnapshotStoreContract(new SqlitePlugin());

public sealed class SqlitePersistentActorTests(ITestOutputHelper output) : PersistentActorContract(new SqlitePlugin(), output);

public sealed class SqliteManyActorsTests(ITestOutputHelper output) : ManyActorsContract(new SqlitePlugin(), output);

public sealed class SqliteJournalFailureTests(ITestOutputHelper output) : JournalFailureContract(new SqlitePlugin(), output);

public sealed class SqliteDurableTests(ITestOutputHelper output) : DurablePluginContract(new SqlitePlugin(), output);

public sealed class SqliteCrashRecoveryTests() : CrashRecoveryContract(new SqlitePlugin());

public sealed class SqliteDeferredWriteTests(ITestOutputHelper output) : DeferredWriteContract(new SqlitePlugin(), output);
