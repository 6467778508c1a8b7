using Serenity.Actors;
using Serenity.Hocon;
using Serenity.Persistence.Journal;

namespace Serenity.Persistence.Tests.Contract;

/// <summary>
/// A journal plugin for tests that passes everything to a real plugin (configured in its <c>inner</c>
/// section) and lets the test hold writes or replays at a gate, fail writes, and see the batches the
/// journal wrote. Configured by HOCON like any plugin (see <see cref="PluginConfig.Controlled"/>).
/// </summary>
public sealed class ControlledJournalStore : IJournalStore
{
    private readonly IJournalStore _inner;
    private readonly object _gate = new();
    private readonly List<WriteCall> _writes = [];
    private TaskCompletionSource? _writesReleased;
    private TaskCompletionSource _writeWaiting = NewSignal();
    private TaskCompletionSource? _replaysReleased;
    private TaskCompletionSource _replayWaiting = NewSignal();
    private string? _failWrites;
    private string? _failNextInitialization;

    /// <summary>Created by the plugin loader: <c>inner</c> is the section of the wrapped plugin.</summary>
    public ControlledJournalStore(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var inner = config.GetConfig("inner");
        var type = Type.GetType(inner.GetString("class"), throwOnError: true)!;
        _inner = (IJournalStore)Activator.CreateInstance(type, inner)!;
    }

    /// <summary>Every write call so far with its outcome, oldest first.</summary>
    public IReadOnlyList<WriteCall> Writes
    {
        get
        {
            lock (_gate) return [.. _writes];
        }
    }

    /// <summary>Completes once a write is waiting at the gate closed by <see cref="HoldWrites"/>.</summary>
    public Task WriteWaiting
    {
        get
        {
            lock (_gate) return _writeWaiting.Task;
        }
    }

    /// <summary>Completes once a replay is waiting at the gate closed by <see cref="HoldReplays"/>.</summary>
    public Task ReplayWaiting
    {
        get
        {
            lock (_gate) return _replayWaiting.Task;
        }
    }

    /// <summary>The store the system of <paramref name="system"/> uses (its journal plugin must be this one).</summary>
    public static ControlledJournalStore Of(ActorSystem system) => (ControlledJournalStore)Persistence.Get(system).Journal.Store;

    /// <summary>Writes wait until <see cref="ReleaseWrites"/>.</summary>
    public void HoldWrites()
    {
        lock (_gate)
        {
            _writesReleased ??= NewSignal();
            _writeWaiting = NewSignal();
        }
    }

    /// <summary>Lets held and later writes through.</summary>
    public void ReleaseWrites() => Open(ref _writesReleased);

    /// <summary>Replays wait until <see cref="ReleaseReplays"/>.</summary>
    public void HoldReplays()
    {
        lock (_gate)
        {
            _replaysReleased ??= NewSignal();
            _replayWaiting = NewSignal();
        }
    }

    /// <summary>Lets held and later replays through.</summary>
    public void ReleaseReplays() => Open(ref _replaysReleased);

    /// <summary>From now on every write fails with an <see cref="IOException"/> carrying <paramref name="message"/>.</summary>
    public void FailWrites(string message)
    {
        lock (_gate) _failWrites = message;
    }

    /// <summary>The next initialization fails with an <see cref="IOException"/> carrying <paramref name="message"/>.</summary>
    public void FailNextInitialization(string message)
    {
        lock (_gate) _failNextInitialization = message;
    }

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        string? failure;
        lock (_gate)
        {
            failure = _failNextInitialization;
            _failNextInitialization = null;
        }
        return failure is null ? _inner.InitializeAsync(cancellationToken) : Task.FromException(new IOException(failure));
    }

    /// <inheritdoc />
    public Task WriteAsync(IReadOnlyList<IReadOnlyList<JournalRow>> atomicWrites, CancellationToken cancellationToken) =>
        WriteAsync(atomicWrites, deferred: false, cancellationToken);

    /// <inheritdoc />
    public Task WriteDeferredAsync(IReadOnlyList<IReadOnlyList<JournalRow>> atomicWrites, CancellationToken cancellationToken) =>
        WriteAsync(atomicWrites, deferred: true, cancellationToken);

    private async Task WriteAsync(IReadOnlyList<IReadOnlyList<JournalRow>> atomicWrites, bool deferred, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(atomicWrites);
        await PassGateAsync(() => _writesReleased, () => _writeWaiting).ConfigureAwait(false);
        string? failure;
        lock (_gate) failure = _failWrites;
        var rows = atomicWrites.Select(w => (IReadOnlyList<(string, long)>)w.Select(r => (r.PersistenceId, r.SequenceNr)).ToList()).ToList();
        try
        {
            if (failure is not null) throw new IOException(failure);
            await (deferred ? _inner.WriteDeferredAsync(atomicWrites, cancellationToken) : _inner.WriteAsync(atomicWrites, cancellationToken)).ConfigureAwait(false);
            Record(new WriteCall(rows, null, deferred));
        }
        catch (Exception e)
        {
            Record(new WriteCall(rows, e, deferred));
            throw;
        }
    }

    /// <inheritdoc />
    public async Task ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<JournalRow> onRow, CancellationToken cancellationToken)
    {
        await PassGateAsync(() => _replaysReleased, () => _replayWaiting).ConfigureAwait(false);
        await _inner.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, onRow, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken) =>
        _inner.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);

    /// <inheritdoc />
    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken) =>
        _inner.DeleteMessagesToAsync(persistenceId, toSequenceNr, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<JournalRow>> ReadTaggedAsync(string tag, long afterOrdering, int max, CancellationToken cancellationToken) =>
        _inner.ReadTaggedAsync(tag, afterOrdering, max, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Task PassGateAsync(Func<TaskCompletionSource?> released, Func<TaskCompletionSource> waiting)
    {
        lock (_gate)
        {
            if (released() is not { } gate) return Task.CompletedTask;
            waiting().TrySetResult();
            return gate.Task;
        }
    }

    private void Open(ref TaskCompletionSource? gate)
    {
        TaskCompletionSource? open;
        lock (_gate)
        {
            open = gate;
            gate = null;
        }
        open?.TrySetResult();
    }

    private void Record(WriteCall call)
    {
        lock (_gate) _writes.Add(call);
    }
}

/// <summary>
/// One call of <see cref="IJournalStore.WriteAsync"/> (or of <see cref="IJournalStore.WriteDeferredAsync"/>: <see cref="Deferred"/>):
/// the (persistence id, sequence nr) of each atomic write, and its failure if any.
/// </summary>
public sealed record WriteCall(IReadOnlyList<IReadOnlyList<(string PersistenceId, long SequenceNr)>> AtomicWrites, Exception? Failure, bool Deferred = false);
