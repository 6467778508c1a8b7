namespace Serenity.Persistence.Snapshots;

/// <summary>
/// A snapshot store that never leaves the process (the backtest's): the front hands it each snapshot as the object
/// itself (<see cref="SnapshotRow.Snapshot"/>, with an empty payload) instead of its JSON and offers it back as is, so
/// snapshots must be immutable (Serenity's are records of copied collections). A type without a registered manifest is
/// still refused, as with any store.
/// </summary>
public interface ISnapshotObjectStore : ISnapshotStore;
