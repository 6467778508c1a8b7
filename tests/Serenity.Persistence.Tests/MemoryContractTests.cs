using Serenity.Persistence.Tests.Contract;
using Xunit.Abstractions;

namespace Serenity.Persistence.Tests;

public sealed class MemoryJournalStoreTests() : JournalStoreContract(new MemoryPlugin());

public sealed class MemorySnapshotStoreTests() : SnapshotStoreContract(new MemoryPlugin());

public sealed class MemoryPersistentActorTests(ITestOutputHelper output) : PersistentActorContract(new MemoryPlugin(), output);

public sealed class MemoryManyActorsTests(ITestOutputHelper output) : ManyActorsContract(new MemoryPlugin(), output);

public sealed class MemoryJournalFailureTests(ITestOutputHelper output) : JournalFailureContract(new MemoryPlugin(), output);

public sealed class MemoryDeferredWriteTests(ITestOutputHelper output) : DeferredWriteContract(new MemoryPlugin(), output);
