using System.Collections.Concurrent;
using Serenity.Actors;
using Serenity.Streams.Implementation;
using Serenity.Streams.Implementation.Fusing;

namespace Serenity.Streams;

/// <summary>
/// Materializes graphs on an actor system: each island of fused stages runs in its own serial
/// interpreter on the thread pool, with time from the system's clock and scheduler. Shutting it down
/// (or terminating the system) stops every stream it started.
/// </summary>
public sealed class ActorMaterializer : IMaterializer, IDisposable
{
    private readonly ConcurrentDictionary<GraphInterpreterShell, byte> _running = new();
    private int _shutdown;

    private ActorMaterializer(ActorSystem system, ActorMaterializerSettings settings)
    {
        System = system;
        Settings = settings;
        Logger = system.LoggerFor("Serenity.Streams");
    }

    /// <summary>Creates a materializer; it is shut down with the system.</summary>
    public static ActorMaterializer Create(ActorSystem system, ActorMaterializerSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        var materializer = new ActorMaterializer(system, settings ?? ActorMaterializerSettings.Create(system));
        StreamsExtension.Get(system).Track(materializer);
        return materializer;
    }

    /// <inheritdoc />
    public ActorSystem System { get; }

    /// <inheritdoc />
    public ActorMaterializerSettings Settings { get; }

    /// <summary>True once shut down.</summary>
    public bool IsShutdown => Volatile.Read(ref _shutdown) == 1;

    /// <summary>Streams still running.</summary>
    public int RunningStreams => _running.Count;

    internal ILoggingAdapter Logger { get; }

    /// <summary>The stages still running, per stream (for diagnostics; racy by nature).</summary>
    public IReadOnlyList<string> DescribeRunningStreams() =>
        [.. _running.Keys.Select(shell => shell.Interpreter.ToString())];

    /// <inheritdoc />
    public TMat Materialize<TMat>(IGraph<ClosedShape, TMat> runnable)
    {
        ArgumentNullException.ThrowIfNull(runnable);
        if (IsShutdown) throw new InvalidOperationException("This materializer has been shut down; it cannot start new streams");
        return (TMat)GraphMaterialization.Run(runnable.BlueprintOf(), this, into: null)!;
    }

    /// <summary>Stops every stream this materializer runs (their stages see an abrupt termination).</summary>
    public void Shutdown()
    {
        if (Interlocked.Exchange(ref _shutdown, 1) == 1) return;
        foreach (var shell in _running.Keys) shell.Abort();
    }

    /// <summary>Same as <see cref="Shutdown"/>.</summary>
    public void Dispose() => Shutdown();

    internal void Register(GraphInterpreterShell shell)
    {
        _running[shell] = 0;
        if (IsShutdown) shell.Abort();
    }

    internal void Unregister(GraphInterpreterShell shell) => _running.TryRemove(shell, out _);
}

/// <summary>The system's default materializer.</summary>
public static class MaterializerExtensions
{
    /// <summary>The system's default materializer (created on first use, shut down with the system).</summary>
    public static ActorMaterializer Materializer(this ActorSystem system) => StreamsExtension.Get(system).Default;
}

/// <summary>Per-system streams state: the default materializer and the shutdown of all materializers at termination.</summary>
internal sealed class StreamsExtension
{
    private readonly List<WeakReference<ActorMaterializer>> _materializers = [];
    private readonly Lazy<ActorMaterializer> _default;

    private StreamsExtension(ActorSystem system)
    {
        _default = new Lazy<ActorMaterializer>(() => ActorMaterializer.Create(system));
        system.RegisterOnTermination(() =>
        {
            ShutdownAll();
            return Task.CompletedTask;
        });
    }

    public ActorMaterializer Default => _default.Value;

    public static StreamsExtension Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetOrAddExtension(static s => new StreamsExtension(s));
    }

    public void Track(ActorMaterializer materializer)
    {
        lock (_materializers)
        {
            _materializers.RemoveAll(w => !w.TryGetTarget(out _));
            _materializers.Add(new WeakReference<ActorMaterializer>(materializer));
        }
    }

    private void ShutdownAll()
    {
        List<WeakReference<ActorMaterializer>> all;
        lock (_materializers) all = [.. _materializers];
        foreach (var w in all)
        {
            if (w.TryGetTarget(out var m)) m.Shutdown();
        }
    }
}
