using Serenity.Actors;

namespace Serenity.TestKit;

/// <summary>Builds <see cref="EventFilter"/>s for log events and dead letters.</summary>
public sealed class EventFilterFactory(ActorSystem system, TestKitSettings settings)
{
    /// <summary>Error log events, optionally with a cause of type <typeparamref name="TException"/> and text containing <paramref name="contains"/>.</summary>
    public EventFilter Error<TException>(string? contains = null) where TException : Exception =>
        Log(LogLevel.Error, contains, e => e.Cause is TException, $"Error<{typeof(TException).Name}>");

    /// <summary>Error log events whose message contains <paramref name="contains"/> (any when null).</summary>
    public EventFilter Error(string? contains = null) => Log(LogLevel.Error, contains, null, "Error");

    /// <summary>Warning log events.</summary>
    public EventFilter Warning(string? contains = null) => Log(LogLevel.Warning, contains, null, "Warning");

    /// <summary>Info log events.</summary>
    public EventFilter Info(string? contains = null) => Log(LogLevel.Info, contains, null, "Info");

    /// <summary>Dead letters whose message is a <typeparamref name="T"/> (and satisfies <paramref name="isMessage"/>).</summary>
    public EventFilter DeadLetter<T>(Predicate<T>? isMessage = null) =>
        new(system, settings, typeof(DeadLetter), e => e is DeadLetter d && d.Message is T m && (isMessage is null || isMessage(m)), $"DeadLetter<{typeof(T).Name}>");

    /// <summary>Any dead letter.</summary>
    public EventFilter DeadLetter() => DeadLetter<object>();

    private EventFilter Log(LogLevel level, string? contains, Predicate<LogEvent>? extra, string name) =>
        new(system, settings, typeof(LogEvent), e => e is LogEvent l && l.Level == level
            && (contains is null || l.Message.Contains(contains, StringComparison.Ordinal))
            && (extra is null || extra(l)), contains is null ? name : $"{name}(\"{contains}\")");
}

/// <summary>
/// Expects a number of matching events on the event stream while a block runs: the block runs, then
/// the filter waits (on a signal, up to <c>filter-leeway</c>) until that many have arrived, and fails if
/// fewer or more did.
/// </summary>
public sealed class EventFilter
{
    private readonly ActorSystem _system;
    private readonly TestKitSettings _settings;
    private readonly Type _channel;
    private readonly Predicate<object> _matches;
    private readonly string _description;

    internal EventFilter(ActorSystem system, TestKitSettings settings, Type channel, Predicate<object> matches, string description)
    {
        _system = system;
        _settings = settings;
        _channel = channel;
        _matches = matches;
        _description = description;
    }

    /// <summary>Runs <paramref name="action"/> and expects exactly <paramref name="count"/> matching events.</summary>
    public void Expect(int count, Action action, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        Expect(count, () =>
        {
            action();
            return true;
        }, timeout);
    }

    /// <summary>Runs <paramref name="func"/> and expects exactly <paramref name="count"/> matching events; returns its result.</summary>
    public T Expect<T>(int count, Func<T> func, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(func);
        return ExpectAsync(count, () => Task.FromResult(func()), timeout).GetAwaiter().GetResult();
    }

    /// <summary>Runs <paramref name="action"/> and expects exactly one matching event.</summary>
    public void ExpectOne(Action action) => Expect(1, action);

    /// <summary>Asynchronous <see cref="Expect{T}(int, Func{T}, TimeSpan?)"/>.</summary>
    public async Task<T> ExpectAsync<T>(int count, Func<Task<T>> func, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(func);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var counter = new CountingRef(_matches, count);
        _system.EventStream.Subscribe(counter, _channel);
        try
        {
            var result = await func().ConfigureAwait(false);
            var wait = timeout.HasValue ? _settings.Dilated(timeout.Value) : _settings.FilterLeeway;
            var reached = await Task.WhenAny(counter.Reached, Task.Delay(wait)).ConfigureAwait(false) == counter.Reached;
            if (!reached)
            {
                throw new TestKitFailedException($"EventFilter {_description}: expected {count} event(s) but received {counter.Count} within {wait.TotalMilliseconds} ms");
            }
            if (counter.Count > count)
            {
                throw new TestKitFailedException($"EventFilter {_description}: expected {count} event(s) but received {counter.Count}");
            }
            return result;
        }
        finally
        {
            _system.EventStream.Unsubscribe(counter, _channel);
        }
    }

    // Each counter has its own path: refs are equal by path, and the event stream ignores a second
    // subscription of an equal ref, so nested or concurrent filters sharing one path would steal each
    // other's subscription.
    private sealed class CountingRef(Predicate<object> matches, int target)
        : MinimalActorRef(new RootActorPath(new Address(Address.DefaultProtocol, "testkit")).Child("event-filter", Interlocked.Increment(ref s_counters)))
    {
        private static long s_counters;
        private readonly TaskCompletionSource _reached = NewReached(target);
        private int _count;

        public Task Reached => _reached.Task;

        public int Count => Volatile.Read(ref _count);

        public override void Tell(object message, IActorRef? sender)
        {
            if (!matches(message)) return;
            if (Interlocked.Increment(ref _count) >= target) _reached.TrySetResult();
        }

        // Expecting no events: there is nothing to wait for (more than zero is then reported as excess).
        private static TaskCompletionSource NewReached(int target)
        {
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (target <= 0) reached.TrySetResult();
            return reached;
        }
    }
}
