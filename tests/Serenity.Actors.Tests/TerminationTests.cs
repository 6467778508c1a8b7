using Serenity.Hocon;
using Serenity.TestKit;

namespace Serenity.Actors.Tests;

/// <summary>Shutting the whole system down.</summary>
public sealed class TerminationTests : TestKit.TestKit
{
    /// <summary>Reports "stop:/path" from PostStop; builds the subtree it is given.</summary>
    private sealed class Node : ReceiveActor
    {
        private readonly IActorRef _events;

        public Node(IActorRef events, Tree[] children)
        {
            _events = events;
            foreach (var c in children) Context.ActorOf(Props.Create(() => new Node(events, c.Children)), c.Name);
            Receive<Ping>(p => Sender.Tell(new Pong(p.Id), Self));
        }

        protected override void PostStop() => _events.Tell("stop:" + Self.Path.ToStringWithoutAddress(), ActorRefs.NoSender);
    }

    private sealed record Tree(string Name, params Tree[] Children);

    private static readonly Tree[] Forest =
    [
        new("a", new Tree("a1", new Tree("a1x"), new Tree("a1y")), new Tree("a2")),
        new("b", new Tree("b1")),
        new("c"),
    ];

    private static IEnumerable<string> Paths(Tree t, string parent) =>
        t.Children.SelectMany(c => Paths(c, parent + "/" + t.Name)).Append(parent + "/" + t.Name);

    private List<IActorRef> StartForest(IActorRef events)
    {
        var tops = Forest.Select(t => Sys.ActorOf(Props.Create(() => new Node(events, t.Children)), t.Name)).ToList();
        // Every node has run its constructor (children are created there) once its top answers.
        foreach (var top in tops)
        {
            top.Tell(new Ping(), TestActor);
            ExpectMsg<Pong>();
        }
        return tops;
    }

    [Fact]
    public async Task Terminate_stops_every_actor_children_before_parents_and_completes_WhenTerminated()
    {
        var events = CreateTestProbe();
        StartForest(events);
        var expected = Forest.SelectMany(t => Paths(t, "/user")).ToHashSet();

        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(Sys.WhenTerminated.IsCompletedSuccessfully);
        var stops = events.ReceiveN(expected.Count).Cast<string>().Select(s => s["stop:".Length..]).ToList();
        Assert.Equal(expected, stops.ToHashSet());
        foreach (var path in stops)
        {
            var descendants = stops.Where(p => p.StartsWith(path + "/", StringComparison.Ordinal));
            Assert.All(descendants, d => Assert.True(stops.IndexOf(d) < stops.IndexOf(path), $"{d} stopped after its ancestor {path}"));
        }
        Assert.False(events.HasMessages);
    }

    [Fact]
    public async Task Watchers_see_every_top_level_actor_terminate_during_shutdown()
    {
        var tops = StartForest(CreateTestProbe());
        foreach (var t in tops) Watch(t);

        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(5));

        var terminated = Enumerable.Range(0, tops.Count).Select(_ => ExpectMsg<Terminated>().ActorRef).ToHashSet();
        Assert.Equal(tops.ToHashSet(), terminated);
    }

    [Fact]
    public async Task After_termination_a_Tell_goes_to_dead_letters_and_no_actor_can_be_created()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Node(CreateTestProbe(), Array.Empty<Tree>())), "late");
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters, typeof(DeadLetter));

        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(5));
        var before = Sys.DeadLetterCount;
        actor.Tell("too late");

        Assert.Equal("too late", deadLetters.ExpectMsg<DeadLetter>().Message);
        Assert.Equal(before + 1, Sys.DeadLetterCount);
        Assert.Throws<InvalidOperationException>(() => Sys.ActorOf(Props.Create(() => new Node(TestActor, Array.Empty<Tree>())), "newcomer"));
    }

    [Fact]
    public async Task Terminate_is_idempotent()
    {
        var first = Sys.Terminate();
        var second = Sys.Terminate();

        await first.WaitAsync(TimeSpan.FromSeconds(5));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Same(Sys.WhenTerminated, second);
    }

    [Fact]
    public async Task Asks_in_flight_at_termination_still_time_out()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Node(CreateTestProbe(), Array.Empty<Tree>())), "silent");
        var ask = silent.Ask<string>("never answered", TimeSpan.FromSeconds(1));

        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(5));
        Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
    }
}

/// <summary>A system outside the TestKit: real clock, Dispose terminates it.</summary>
public sealed class StandaloneSystemTests
{
    [Fact]
    public async Task A_system_created_directly_runs_actors_and_terminates()
    {
        var system = ActorSystem.Create("standalone", ConfigurationFactory.ParseString("serenity.stdout-loglevel = OFF"));
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = system.ActorOf(Props.Create(() => new Answerer(stopped)), "answerer");

        Assert.Equal("serenity://standalone/user/answerer", actor.Path.ToString());
        Assert.Equal(42, await actor.Ask<int>("question", TimeSpan.FromSeconds(5)));
        system.Dispose();

        Assert.True(system.WhenTerminated.IsCompletedSuccessfully);
        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("-leading-dash")]
    [InlineData("slash/inside")]
    public void An_invalid_system_name_is_refused(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => ActorSystem.Create(name));
    }

    private sealed class Answerer : ReceiveActor
    {
        private readonly TaskCompletionSource _stopped;

        public Answerer(TaskCompletionSource stopped)
        {
            _stopped = stopped;
            Receive<string>(_ => Sender.Tell(42, Self));
        }

        protected override void PostStop() => _stopped.TrySetResult();
    }
}
