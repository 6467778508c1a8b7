using Serenity.TestKit;

namespace Serenity.Actors.Tests;

/// <summary>Actor paths, selections (absolute, relative, wildcards), Identify, ResolveOne and actor names.</summary>
public sealed class SelectionTests : TestKit.TestKit
{
    /// <summary>Reports what it receives; relays <see cref="Relay"/> through a selection relative to itself.</summary>
    private sealed class Node : ReceiveActor
    {
        public Node(IActorRef probe, string[] children)
        {
            foreach (var c in children) Context.ActorOf(Props.Create(() => new Node(probe, Array.Empty<string>())), c);
            Receive<Relay>(r => Context.ActorSelection(r.Path).Tell(r.Message, Sender));
            Receive<Ping>(p => Sender.Tell(new Pong(p.Id), Self));
            Receive<CreateChild>(c =>
            {
                try
                {
                    Sender.Tell(Context.ActorOf(c.Props, c.Name), Self);
                }
                catch (InvalidActorNameException e)
                {
                    Sender.Tell(e, Self);
                }
            });
            ReceiveAny(m => probe.Tell($"{Self.Path.Name}:{m}", Sender));
        }
    }

    private sealed record Relay(string Path, object Message);

    private readonly TestProbe _probe;
    private readonly IActorRef _parent;

    public SelectionTests()
    {
        _probe = CreateTestProbe();
        _parent = Sys.ActorOf(Props.Create(() => new Node(_probe, new[] { "c1", "c2", "other" })), "parent");
    }

    [Fact]
    public void A_selection_told_right_after_creating_the_parent_reaches_the_children_its_constructor_made()
    {
        Sys.ActorOf(Props.Create(() => new Node(_probe, new[] { "early" })), "fresh");

        Sys.ActorSelection("/user/fresh/early").Tell("hello");

        _probe.ExpectMsg("early:hello");
        Assert.Equal(TestActor, _probe.LastSender); // the original sender travels with the message
    }

    private IActorRef? Identify(string path, object? id = null)
    {
        Sys.ActorSelection(path).Tell(new Identify(id ?? path), TestActor);
        var identity = ExpectMsg<ActorIdentity>();
        Assert.Equal(id ?? path, identity.MessageId);
        return identity.Subject;
    }

    private IActorRef Child(string name) => Identify("/user/parent/" + name) ?? throw new InvalidOperationException("no " + name);

    [Fact]
    public void Paths_name_the_protocol_the_system_and_the_chain_of_parents()
    {
        var child = Child("c1");

        Assert.Equal("serenity://SelectionTests/user/parent/c1", child.Path.ToString());
        Assert.Equal("/user/parent/c1", child.Path.ToStringWithoutAddress());
        Assert.Equal("c1", child.Path.Name);
        Assert.Equal(_parent.Path, child.Path.Parent);
        Assert.Equal(new[] { "user", "parent", "c1" }, child.Path.Elements);
        Assert.Equal(new Address("serenity", "SelectionTests"), child.Path.Address);
        Assert.Equal(3, child.Path.Depth);
    }

    [Fact]
    public void A_generated_name_starts_with_a_dollar_and_is_unique()
    {
        var a = Sys.ActorOf(Props.Create(() => new Node(_probe, Array.Empty<string>())));
        var b = Sys.ActorOf(Props.Create(() => new Node(_probe, Array.Empty<string>())));

        Assert.StartsWith("$", a.Path.Name, StringComparison.Ordinal);
        Assert.NotEqual(a.Path, b.Path);
    }

    [Fact]
    public void An_absolute_selection_delivers_to_the_actor_at_that_path()
    {
        Sys.ActorSelection("/user/parent/c2").Tell("hello");

        _probe.ExpectMsg("c2:hello");
        Assert.Equal(TestActor, _probe.LastSender);
    }

    [Fact]
    public void A_selection_by_full_address_and_one_relative_to_user_find_the_same_actor()
    {
        var c1 = Child("c1");

        Assert.Equal(c1, Identify("serenity://SelectionTests/user/parent/c1"));
        Assert.Equal(c1, Identify("parent/c1"));
    }

    [Fact]
    public void A_relative_selection_from_an_actor_reaches_its_sibling_and_its_child()
    {
        var c1 = Child("c1");

        c1.Tell(new Relay("../c2", "from my sibling"));
        _probe.ExpectMsg("c2:from my sibling");

        _parent.Tell(new Relay("other", "from my parent"));
        _probe.ExpectMsg("other:from my parent");

        c1.Tell(new Relay("../../parent/./other", "the long way"));
        _probe.ExpectMsg("other:the long way");
    }

    [Fact]
    public void A_wildcard_selection_delivers_to_every_match()
    {
        Sys.ActorSelection("/user/parent/*").Tell("all");
        var all = _probe.ReceiveN(3).Cast<string>().Order().ToArray();
        Assert.Equal(new[] { "c1:all", "c2:all", "other:all" }, all);

        Sys.ActorSelection("/user/parent/c?").Tell("some");
        var some = _probe.ReceiveN(2).Cast<string>().Order().ToArray();
        Assert.Equal(new[] { "c1:some", "c2:some" }, some);
        _probe.ExpectNoMsg();
    }

    [Fact]
    public void Identify_answers_with_the_ref_or_with_no_subject_when_nothing_lives_there()
    {
        Assert.Equal("c1", Identify("/user/parent/c1", 7)?.Path.Name);
        Assert.Null(Identify("/user/parent/missing", 8));
        Assert.Null(Identify("/user/nothing/*", 9));
    }

    [Fact]
    public async Task ResolveOne_gives_the_ref_or_fails_with_ActorNotFoundException()
    {
        var found = await Sys.ActorSelection("/user/parent/c1").ResolveOne(TimeSpan.FromSeconds(1));
        Assert.Equal(Child("c1"), found);

        var e = await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("/user/parent/missing").ResolveOne(TimeSpan.FromSeconds(1)));
        Assert.Contains("serenity://SelectionTests/user/parent/missing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_selection_does_not_resolve_to_a_stopped_actor()
    {
        var c2 = Child("c2");
        Watch(c2);
        Sys.Stop(c2);
        ExpectTerminated(c2);

        Assert.Null(Identify("/user/parent/c2"));
        await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("/user/parent/c2").ResolveOne(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void A_selection_of_another_system_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Sys.ActorSelection("serenity://elsewhere/user/parent"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("$reserved")]
    [InlineData("with space")]
    [InlineData("tab\there")]
    [InlineData("caf\u00e9")]
    public void Invalid_names_are_refused(string name)
    {
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new Node(_probe, Array.Empty<string>())), name));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("with-dash_and.dot")]
    [InlineData("a:b@c=d,e!f~g'h(i)j+k&l*m")]
    [InlineData("dollar$inside")]
    public void Valid_names_are_accepted(string name)
    {
        var actor = Sys.ActorOf(Props.Create(() => new Node(_probe, Array.Empty<string>())), name);

        Assert.Equal(name, actor.Path.Name);
    }

    [Fact]
    public void A_duplicate_name_among_siblings_is_refused()
    {
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new Node(_probe, Array.Empty<string>())), "parent"));

        _parent.Tell(new CreateChild(Props.Create(() => new Node(_probe, Array.Empty<string>())), "c1"), TestActor);
        ExpectMsg<InvalidActorNameException>();
        _parent.Tell(new CreateChild(Props.Create(() => new Node(_probe, Array.Empty<string>())), "c3"), TestActor);
        Assert.Equal("c3", ExpectMsg<IActorRef>().Path.Name); // the parent is fine and can still create others
    }
}
