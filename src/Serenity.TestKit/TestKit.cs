using Serenity.Actors;
using Serenity.Hocon;
using Xunit.Abstractions;

namespace Serenity.TestKit;

/// <summary>
/// Base class for actor tests under xunit. Each test class instance (so each test) owns an
/// <see cref="ActorSystem"/> running on a <see cref="VirtualTimeProvider"/>: timers, the scheduler,
/// receive timeouts and ask timeouts move only when the test calls <see cref="Advance"/>.
/// Messages themselves are delivered by the real dispatcher; expectations wait on signals with a
/// real-time deadline. <see cref="TestActor"/> is the implicit sender of Tells from the test.
/// Disposing shuts the system down and fails if it does not stop.
/// </summary>
public abstract class TestKit : IDisposable
{
    private const string TestDefaults = "serenity.stdout-loglevel = OFF\nserenity.loglevel = DEBUG";
    private readonly TestProbe _testActor;
    private int _probeCounter;
    private bool _disposed;

    /// <summary>A test system configured by <paramref name="hocon"/> (over the defaults).</summary>
    protected TestKit(string? hocon = null, ITestOutputHelper? output = null)
        : this(hocon is null ? ConfigurationFactory.Empty : ConfigurationFactory.ParseString(hocon, "test config"), output)
    {
    }

    /// <summary>A test system configured by <paramref name="config"/> (over the defaults).</summary>
    protected TestKit(Config config, ITestOutputHelper? output = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        Clock = new VirtualTimeProvider();
        var full = config.WithFallback(ConfigurationFactory.ParseString(TestDefaults, "TestKit defaults"));
        Sys = ActorSystem.Create(SystemName(GetType().Name), full, Clock);
        Settings = new TestKitSettings(Sys.Settings.Config);
        if (output is not null) Sys.EventStream.Subscribe(new TestOutputLogger(output), typeof(LogEvent));
        EventFilter = new EventFilterFactory(Sys, Settings);
        _testActor = CreateTestProbe("testActor");
        ActorCell.ImplicitSender = _testActor;
    }

    /// <summary>The system under test.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The virtual clock that drives <see cref="Sys"/>.</summary>
    public VirtualTimeProvider Clock { get; }

    /// <summary>Timeouts (dilated by <c>serenity.test.timefactor</c>).</summary>
    public TestKitSettings Settings { get; }

    /// <summary>The default probe; also the sender of Tells from test code.</summary>
    public IActorRef TestActor => _testActor;

    /// <summary>Filters for expected log events and dead letters.</summary>
    public EventFilterFactory EventFilter { get; }

    /// <summary>Sender of the last message the test actor received.</summary>
    public IActorRef LastSender => _testActor.LastSender;

    /// <summary>A new probe.</summary>
    public TestProbe CreateTestProbe(string? name = null)
    {
        var n = Interlocked.Increment(ref _probeCounter);
        var path = new RootActorPath(new Address(Address.DefaultProtocol, Sys.Name)).Child("temp").Child(name ?? $"testProbe-{n}", n);
        return new TestProbe(Sys, path, Settings);
    }

    /// <summary>Moves virtual time forward, firing every timer that falls due.</summary>
    public void Advance(TimeSpan by) => Clock.Advance(by);

    /// <summary>See <see cref="TestProbe.ExpectMsg{T}(TimeSpan?)"/>.</summary>
    public T ExpectMsg<T>(TimeSpan? timeout = null) => _testActor.ExpectMsg<T>(timeout);

    /// <summary>See <see cref="TestProbe.ExpectMsg{T}(T, TimeSpan?)"/>.</summary>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null) => _testActor.ExpectMsg(expected, timeout);

    /// <summary>See <see cref="TestProbe.ExpectMsg{T}(Predicate{T}, TimeSpan?)"/>.</summary>
    public T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? timeout = null) => _testActor.ExpectMsg(isMessage, timeout);

    /// <summary>See <see cref="TestProbe.ExpectMsgAsync{T}(TimeSpan?)"/>.</summary>
    public Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null) => _testActor.ExpectMsgAsync<T>(timeout);

    /// <summary>See <see cref="TestProbe.ExpectNoMsg"/>.</summary>
    public void ExpectNoMsg(TimeSpan? duration = null) => _testActor.ExpectNoMsg(duration);

    /// <summary>See <see cref="TestProbe.ExpectTerminated"/>.</summary>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null) => _testActor.ExpectTerminated(target, timeout);

    /// <summary>See <see cref="TestProbe.ReceiveN"/>.</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null) => _testActor.ReceiveN(count, timeout);

    /// <summary>See <see cref="TestProbe.FishForMessage(Predicate{object}, TimeSpan?)"/>.</summary>
    public object FishForMessage(Predicate<object> isMessage, TimeSpan? timeout = null) => _testActor.FishForMessage(isMessage, timeout);

    /// <summary>See <see cref="TestProbe.FishForMessage{T}(Predicate{T}, TimeSpan?)"/>.</summary>
    public T FishForMessage<T>(Predicate<T> isMessage, TimeSpan? timeout = null) => _testActor.FishForMessage(isMessage, timeout);

    /// <summary>See <see cref="TestProbe.Within(TimeSpan, Action)"/>.</summary>
    public void Within(TimeSpan max, Action action) => _testActor.Within(max, action);

    /// <summary>See <see cref="TestProbe.Within{T}(TimeSpan, TimeSpan, Func{T})"/>.</summary>
    public T Within<T>(TimeSpan min, TimeSpan max, Func<T> func) => _testActor.Within(min, max, func);

    /// <summary>See <see cref="TestProbe.AwaitAssert"/>.</summary>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null) =>
        _testActor.AwaitAssert(assertion, duration, interval);

    /// <summary>See <see cref="TestProbe.AwaitCondition"/>.</summary>
    public void AwaitCondition(Func<bool> condition, TimeSpan? duration = null, TimeSpan? interval = null, string? message = null) =>
        _testActor.AwaitCondition(condition, duration, interval, message);

    /// <summary>See <see cref="TestProbe.AwaitConditionAsync"/>.</summary>
    public Task AwaitConditionAsync(Func<Task<bool>> condition, TimeSpan? duration = null, Func<string>? describe = null) =>
        _testActor.AwaitConditionAsync(condition, duration, describe);

    /// <summary>The test actor watches <paramref name="subject"/>.</summary>
    public IActorRef Watch(IActorRef subject) => _testActor.Watch(subject);

    /// <summary>The test actor stops watching <paramref name="subject"/>.</summary>
    public IActorRef Unwatch(IActorRef subject) => _testActor.Unwatch(subject);

    /// <summary>Replies to the last sender as the test actor.</summary>
    public void Reply(object message) => _testActor.Reply(message);

    /// <summary>Shuts the system down.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Terminates <see cref="Sys"/> and fails if it does not stop within 10 seconds.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing) return;
        _disposed = true;
        ActorCell.ImplicitSender = null;
        if (!Sys.Terminate().Wait(Settings.Dilated(TimeSpan.FromSeconds(10))))
        {
            throw new TestKitFailedException($"Actor system {Sys.Name} did not terminate within 10 s");
        }
    }

    private static string SystemName(string typeName)
    {
        var chars = typeName.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').ToArray();
        return chars.Length == 0 || !char.IsAsciiLetterOrDigit(chars[0]) ? "test" : new string(chars);
    }

    private sealed class TestOutputLogger(ITestOutputHelper output) : MinimalActorRef(new RootActorPath(new Address(Address.DefaultProtocol, "testkit")).Child("output"))
    {
        public override void Tell(object message, IActorRef? sender)
        {
            if (message is not LogEvent e) return;
            try
            {
                output.WriteLine(e.ToString());
            }
            catch (InvalidOperationException)
            {
                // The test has finished; xunit no longer accepts output.
            }
        }
    }
}
