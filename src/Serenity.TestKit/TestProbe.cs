using System.Collections.Concurrent;
using Serenity.Actors;

namespace Serenity.TestKit;

/// <summary>
/// A ref that records what it receives, so a test can assert on it: <c>ExpectMsg</c>, <c>ExpectNoMsg</c>,
/// <c>ReceiveN</c>, <c>FishForMessage</c>, <c>ExpectTerminated</c>. Every wait is on an awaited signal with a
/// deadline (real time), never a sleep. A probe can watch actors, reply to the last sender and send as itself.
/// </summary>
public sealed class TestProbe : IInternalActorRef
{
    private readonly ConcurrentQueue<Envelope> _queue = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly TestKitSettings _settings;
    private DateTimeOffset? _deadline;

    internal TestProbe(ActorSystem system, ActorPath path, TestKitSettings settings)
    {
        System = system;
        Path = path;
        _settings = settings;
    }

    /// <summary>The system this probe belongs to.</summary>
    public ActorSystem System { get; }

    /// <inheritdoc />
    public ActorPath Path { get; }

    /// <summary>This probe as a ref (it is one; this reads better in Props and messages).</summary>
    public IActorRef Ref => this;

    /// <summary>Sender of the last message received through an expectation.</summary>
    public IActorRef LastSender { get; private set; } = ActorRefs.Nobody;

    /// <summary>The last message received through an expectation.</summary>
    public object? LastMessage { get; private set; }

    /// <summary>Messages waiting to be expected.</summary>
    public int MessageCount => _queue.Count;

    /// <summary>True when a message is waiting.</summary>
    public bool HasMessages => !_queue.IsEmpty;

    bool IInternalActorRef.IsTerminated => false;

    /// <inheritdoc />
    public void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        _queue.Enqueue(new Envelope(message, sender));
        _available.Release();
    }

    void IInternalActorRef.SendSystemMessage(SystemMessage message)
    {
        if (message is DeathWatchNotification n) Tell(new Terminated(n.Actor, n.ExistenceConfirmed, false), n.Actor);
    }

    /// <summary>Watches <paramref name="subject"/>: its end arrives here as <see cref="Terminated"/>.</summary>
    public IActorRef Watch(IActorRef subject)
    {
        if (subject is IInternalActorRef r) r.SendSystemMessage(new Actors.Watch(r, this));
        return subject;
    }

    /// <summary>Stops watching <paramref name="subject"/>.</summary>
    public IActorRef Unwatch(IActorRef subject)
    {
        if (subject is IInternalActorRef r) r.SendSystemMessage(new Actors.Unwatch(r, this));
        return subject;
    }

    /// <summary>Tells <paramref name="message"/> to <paramref name="target"/> with this probe as sender.</summary>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, this);
    }

    /// <summary>Replies to <see cref="LastSender"/>.</summary>
    public void Reply(object message) => LastSender.Tell(message, this);

    /// <summary>Forwards the last message to <paramref name="target"/>, keeping its original sender.</summary>
    public void Forward(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(LastMessage ?? throw new InvalidOperationException("No message has been received yet"), LastSender);
    }

    /// <summary>Expects a message of type <typeparamref name="T"/>.</summary>
    public T ExpectMsg<T>(TimeSpan? timeout = null) => ExpectMsg<T>(static _ => true, timeout, null);

    /// <summary>Expects a message equal to <paramref name="expected"/>.</summary>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null) =>
        ExpectMsg<T>(m => Equals(m, expected), timeout, $"equal to {Show(expected)}");

    /// <summary>Expects a message of type <typeparamref name="T"/> satisfying <paramref name="isMessage"/>.</summary>
    public T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? timeout = null) => ExpectMsg(isMessage, timeout, "matching the predicate");

    /// <summary>Expects a message of type <typeparamref name="T"/> from <paramref name="sender"/>.</summary>
    public T ExpectMsgFrom<T>(IActorRef sender, TimeSpan? timeout = null)
    {
        var message = ExpectMsg<T>(timeout);
        if (!sender.Equals(LastSender)) throw new TestKitFailedException($"ExpectMsgFrom<{typeof(T).Name}>: expected sender {sender.Path} but it came from {LastSender.Path}");
        return message;
    }

    /// <summary>Asynchronous <see cref="ExpectMsg{T}(TimeSpan?)"/>.</summary>
    public Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null) => ExpectMsgAsync<T>(static _ => true, timeout, null);

    /// <summary>Asynchronous <see cref="ExpectMsg{T}(Predicate{T}, TimeSpan?)"/>.</summary>
    public Task<T> ExpectMsgAsync<T>(Predicate<T> isMessage, TimeSpan? timeout = null) => ExpectMsgAsync(isMessage, timeout, "matching the predicate");

    /// <summary>Expects that nothing arrives for <paramref name="duration"/> (default <c>expect-no-message-default</c>).</summary>
    public void ExpectNoMsg(TimeSpan? duration = null) => ExpectNoMsgAsync(duration).GetAwaiter().GetResult();

    /// <summary>Asynchronous <see cref="ExpectNoMsg"/>.</summary>
    public async Task ExpectNoMsgAsync(TimeSpan? duration = null)
    {
        var wait = duration.HasValue ? _settings.Dilated(duration.Value) : _settings.ExpectNoMessageDefault;
        if (await TryReceiveAsync(wait).ConfigureAwait(false) is { } e)
        {
            throw new TestKitFailedException($"ExpectNoMsg: expected no message for {wait.TotalMilliseconds} ms but received {Show(e.Message)} from {Describe(e.Sender)}");
        }
    }

    /// <summary>Expects <see cref="Terminated"/> for <paramref name="target"/> (watch it first).</summary>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        return ExpectMsg<Terminated>(t => t.ActorRef.Equals(target), timeout, $"for {target.Path}");
    }

    /// <summary>Receives exactly <paramref name="count"/> messages of any type.</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null)
    {
        var deadline = DeadlineFrom(timeout);
        var result = new List<object>(count);
        while (result.Count < count)
        {
            var e = TryReceiveAsync(Remaining(deadline)).GetAwaiter().GetResult()
                ?? throw new TestKitFailedException($"ReceiveN({count}): timed out after {result.Count} of {count} messages on {Path}");
            Record(e);
            result.Add(e.Message);
        }
        return result;
    }

    /// <summary>Skips messages until one satisfies <paramref name="isMessage"/> and returns it.</summary>
    public object FishForMessage(Predicate<object> isMessage, TimeSpan? timeout = null) => FishForMessage<object>(isMessage, timeout);

    /// <summary>Skips messages until one of type <typeparamref name="T"/> satisfies <paramref name="isMessage"/>.</summary>
    public T FishForMessage<T>(Predicate<T> isMessage, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var deadline = DeadlineFrom(timeout);
        var skipped = 0;
        while (true)
        {
            var e = TryReceiveAsync(Remaining(deadline)).GetAwaiter().GetResult()
                ?? throw new TestKitFailedException($"FishForMessage<{typeof(T).Name}>: no matching message on {Path} before the timeout ({skipped} others skipped)");
            Record(e);
            if (e.Message is T m && isMessage(m)) return m;
            skipped++;
        }
    }

    /// <summary>Runs <paramref name="action"/>, which must finish within <paramref name="max"/>; expectations inside default to the time left.</summary>
    public void Within(TimeSpan max, Action action) => Within(TimeSpan.Zero, max, () =>
    {
        action();
        return true;
    });

    /// <summary>Runs <paramref name="func"/>, which must take between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public T Within<T>(TimeSpan min, TimeSpan max, Func<T> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        var dilatedMax = _settings.Dilated(max);
        var start = DateTimeOffset.UtcNow;
        var outer = _deadline;
        var inner = start + dilatedMax;
        _deadline = outer is { } o && o < inner ? o : inner;
        try
        {
            var result = func();
            var took = DateTimeOffset.UtcNow - start;
            if (took < min) throw new TestKitFailedException($"Within: the block finished in {took.TotalMilliseconds:F0} ms, earlier than the minimum {min.TotalMilliseconds} ms");
            if (took > dilatedMax) throw new TestKitFailedException($"Within: the block took {took.TotalMilliseconds:F0} ms, more than {dilatedMax.TotalMilliseconds} ms");
            return result;
        }
        finally
        {
            _deadline = outer;
        }
    }

    /// <summary>Retries <paramref name="assertion"/> until it passes or <paramref name="duration"/> is over (then its last failure is thrown).</summary>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var deadline = DeadlineFrom(duration);
        var pause = interval ?? TimeSpan.FromMilliseconds(10);
        while (true)
        {
            try
            {
                assertion();
                return;
            }
            catch (Exception) when (DateTimeOffset.UtcNow < deadline)
            {
                // Polling is the point of AwaitAssert: the state it checks has no signal to await.
                // Never sleep past the deadline: the last attempt is due at the deadline, not an interval later.
                var left = Remaining(deadline);
                Thread.Sleep(pause >= TimeSpan.Zero && pause < left ? pause : left);
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> is true, or fails after <paramref name="duration"/>.</summary>
    public void AwaitCondition(Func<bool> condition, TimeSpan? duration = null, TimeSpan? interval = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        AwaitAssert(() =>
        {
            if (!condition()) throw new TestKitFailedException($"AwaitCondition: {message ?? "the condition"} was still false at the timeout");
        }, duration, interval);
    }

    /// <summary>
    /// Waits until the asynchronous <paramref name="condition"/> (typically an Ask round trip to an entity) is true,
    /// or fails after <paramref name="duration"/> with <paramref name="describe"/>'s account of the state. Between
    /// attempts it only yields: each attempt already awaits the actors' answers.
    /// </summary>
    public async Task AwaitConditionAsync(Func<Task<bool>> condition, TimeSpan? duration = null, Func<string>? describe = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DeadlineFrom(duration);
        while (!await condition().ConfigureAwait(false))
        {
            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new TestKitFailedException($"AwaitConditionAsync: the condition was still false at the timeout{(describe is null ? "" : ": " + describe())}");
            }
            await Task.Yield();
        }
    }

    /// <inheritdoc />
    public bool Equals(IActorRef? other) => ReferenceEquals(this, other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <inheritdoc />
    public override int GetHashCode() => Path.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => $"TestProbe[{Path}]";

    private T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? timeout, string? what) =>
        ExpectMsgAsync(isMessage, timeout, what).GetAwaiter().GetResult();

    private async Task<T> ExpectMsgAsync<T>(Predicate<T> isMessage, TimeSpan? timeout, string? what)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var wait = WaitFor(timeout);
        var e = await TryReceiveAsync(wait).ConfigureAwait(false)
            ?? throw new TestKitFailedException($"ExpectMsg<{typeof(T).Name}>{(what is null ? "" : " " + what)}: timed out after {wait.TotalMilliseconds:F0} ms on {Path}; no message arrived");
        Record(e);
        if (e.Message is not T m)
        {
            throw new TestKitFailedException($"ExpectMsg<{typeof(T).Name}>: expected a {typeof(T).Name} but received {e.Message.GetType().Name} {Show(e.Message)} from {Describe(e.Sender)}");
        }
        if (!isMessage(m))
        {
            throw new TestKitFailedException($"ExpectMsg<{typeof(T).Name}> {what}: received {Show(e.Message)} from {Describe(e.Sender)}, which does not match");
        }
        return m;
    }

    private async Task<Envelope?> TryReceiveAsync(TimeSpan wait)
    {
        if (!await _available.WaitAsync(wait < TimeSpan.Zero ? TimeSpan.Zero : wait).ConfigureAwait(false)) return null;
        _queue.TryDequeue(out var e);
        return e;
    }

    private void Record(Envelope e)
    {
        LastMessage = e.Message;
        LastSender = e.Sender ?? System.DeadLetters;
    }

    private DateTimeOffset DeadlineFrom(TimeSpan? timeout) => DateTimeOffset.UtcNow + WaitFor(timeout);

    // The wait of one expectation: the (dilated) timeout or default, but no longer than the enclosing
    // Within allows. Computed from a single reading of the clock, so that a failure reports the timeout
    // the test asked for (100 ms, not 99.98 ms).
    private TimeSpan WaitFor(TimeSpan? timeout)
    {
        var own = timeout.HasValue ? _settings.Dilated(timeout.Value) : _settings.SingleExpectDefault;
        if (_deadline is not { } within) return own;
        var left = Remaining(within);
        return left < own ? left : own;
    }

    private static TimeSpan Remaining(DateTimeOffset deadline)
    {
        var left = deadline - DateTimeOffset.UtcNow;
        return left < TimeSpan.Zero ? TimeSpan.Zero : left;
    }

    private static string Show(object? message) => message switch
    {
        null => "null",
        string s => $"\"{s}\"",
        _ => $"[{message}]",
    };

    private static string Describe(IActorRef? sender) => sender?.Path.ToString() ?? "NoSender";
}
