using Serenity.TestKit;

namespace Serenity.Actors.Tests;

/// <summary>Switching behaviour: Become, BecomeStacked/UnbecomeStacked on ReceiveActor, and Context.Become with a Receive delegate.</summary>
public sealed class BecomeTests : TestKit.TestKit
{
    /// <summary>Answers "happy" or "angry" to any string; switches on "anger", "calm", "push-*" and "pop".</summary>
    private sealed class Moody : ReceiveActor
    {
        public Moody() => Happy();

        private void Happy()
        {
            Receive<string>(s => s == "anger", _ => Become(Angry));
            Receive<string>(s => s == "push-angry", _ => BecomeStacked(Angry));
            Receive<string>(s => s == "push-sad", _ => BecomeStacked(Sad));
            Receive<string>(s => s == "pop", _ => UnbecomeStacked());
            Receive<string>(s => s == "fail", _ => throw new TestException("moody failure"));
            Receive<string>(_ => Sender.Tell("happy", Self));
        }

        private void Angry()
        {
            Receive<string>(s => s == "calm", _ => Become(Happy));
            Receive<string>(s => s == "push-sad", _ => BecomeStacked(Sad));
            Receive<string>(s => s == "pop", _ => UnbecomeStacked());
            Receive<string>(s => s == "fail", _ => throw new TestException("moody failure"));
            Receive<string>(_ => Sender.Tell("angry", Self));
        }

        private void Sad()
        {
            Receive<string>(s => s == "pop", _ => UnbecomeStacked());
            Receive<string>(s => s == "anger", _ => Become(Angry));
            Receive<string>(_ => Sender.Tell("sad", Self));
            // ints are not handled here: they become UnhandledMessage events
        }
    }

    /// <summary>An untyped actor that switches with Context.Become and a Receive delegate.</summary>
    private sealed class Toggle : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is "switch")
            {
                Context.Become(Off);
                return;
            }
            Sender.Tell($"on:{message}", Self);
        }

        private bool Off(object message)
        {
            switch (message)
            {
                case "switch":
                    Context.Become(m =>
                    {
                        OnReceive(m);
                        return true;
                    });
                    return true;
                case "push":
                    Context.BecomeStacked(m =>
                    {
                        if (m is "pop") Context.UnbecomeStacked();
                        else Sender.Tell($"stacked:{m}", Self);
                        return true;
                    });
                    return true;
                case string s:
                    Sender.Tell($"off:{s}", Self);
                    return true;
                default:
                    return false; // unhandled
            }
        }
    }

    private void Expect(IActorRef actor, string message, string answer)
    {
        actor.Tell(message);
        ExpectMsg(answer);
    }

    [Fact]
    public void Become_replaces_the_behaviour_until_the_next_Become()
    {
        var moody = Sys.ActorOf(Props.Create<Moody>(), "moody");
        Expect(moody, "hi", "happy");

        moody.Tell("anger");
        Expect(moody, "hi", "angry");
        Expect(moody, "again", "angry");

        moody.Tell("calm");
        Expect(moody, "hi", "happy");
    }

    [Fact]
    public void BecomeStacked_pushes_and_UnbecomeStacked_pops_back_to_the_previous_behaviour()
    {
        var moody = Sys.ActorOf(Props.Create<Moody>(), "moody");

        moody.Tell("push-angry");
        Expect(moody, "hi", "angry");
        moody.Tell("push-sad");
        Expect(moody, "hi", "sad");
        moody.Tell("pop");
        Expect(moody, "hi", "angry");
        moody.Tell("pop");
        Expect(moody, "hi", "happy");
        moody.Tell("pop"); // nothing left to pop: the initial behaviour stays
        Expect(moody, "hi", "happy");
    }

    [Fact]
    public void Become_inside_a_stacked_behaviour_replaces_only_the_top()
    {
        var moody = Sys.ActorOf(Props.Create<Moody>(), "moody");

        moody.Tell("push-angry"); // happy | angry
        moody.Tell("push-sad");   // happy | angry | sad
        moody.Tell("anger");      // happy | angry | angry (sad replaced)
        Expect(moody, "hi", "angry");
        moody.Tell("pop");
        Expect(moody, "hi", "angry"); // not sad: Become did not push
        moody.Tell("pop");
        Expect(moody, "hi", "happy"); // the rest of the stack was kept
    }

    [Fact]
    public void A_message_the_current_behaviour_does_not_handle_is_published_as_unhandled()
    {
        var unhandled = CreateTestProbe();
        Sys.EventStream.Subscribe(unhandled, typeof(UnhandledMessage));
        var moody = Sys.ActorOf(Props.Create<Moody>(), "moody");
        moody.Tell("push-sad");

        moody.Tell(42);

        var u = unhandled.ExpectMsg<UnhandledMessage>();
        Assert.Equal(42, u.Message);
        Assert.Equal(moody, u.Recipient);
        Assert.Equal(TestActor, u.Sender);
        Expect(moody, "hi", "sad"); // still alive, still sad
    }

    [Fact]
    public void A_restart_returns_to_the_initial_behaviour()
    {
        var moody = Sys.ActorOf(Props.Create<Moody>(), "moody");
        moody.Tell("push-angry");
        moody.Tell("push-sad");
        moody.Tell("pop");
        Expect(moody, "hi", "angry");

        moody.Tell("fail");

        Expect(moody, "hi", "happy");
        moody.Tell("pop"); // the stack was cleared too
        Expect(moody, "hi", "happy");
    }

    [Fact]
    public void Context_Become_with_a_Receive_delegate_switches_an_untyped_actor()
    {
        var toggle = Sys.ActorOf(Props.Create<Toggle>(), "toggle");
        Expect(toggle, "a", "on:a");

        toggle.Tell("switch");
        Expect(toggle, "b", "off:b");

        toggle.Tell("push");
        Expect(toggle, "c", "stacked:c");
        toggle.Tell("pop");
        Expect(toggle, "d", "off:d");

        toggle.Tell("switch");
        Expect(toggle, "e", "on:e");
    }

    [Fact]
    public void A_Receive_delegate_returning_false_leaves_the_message_unhandled()
    {
        var unhandled = CreateTestProbe();
        Sys.EventStream.Subscribe(unhandled, typeof(UnhandledMessage));
        var toggle = Sys.ActorOf(Props.Create<Toggle>(), "toggle");
        toggle.Tell("switch");

        toggle.Tell(3.14);

        Assert.Equal(3.14, unhandled.ExpectMsg<UnhandledMessage>().Message);
    }
}
