using Serenity.Actors;
using Serenity.TestKit;

namespace Serenity.Actors.Tests;

/// <summary>
/// The dispatcher runs a mailbox woken by a Tell on the same thread after the current turn. These tests
/// pin down that this never costs correctness: a blocking Ask inside an actor still completes, and a
/// chain of hand-offs does not starve other actors.
/// </summary>
public sealed class HandOffTests : TestKit.TestKit
{
    [Fact]
    public void An_actor_blocking_on_an_ask_to_an_idle_actor_gets_its_answer()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()));
        var blocker = Sys.ActorOf(Props.Create(() => new BlockingAsker(echo)));

        blocker.Tell("go");

        // A deadlock never answers; a slow answer is not one. The asker blocks a pool thread, so on a loaded 2-core CI
        // machine the echo may wait for the pool to add a thread: CI once saw no answer within the default 3 s.
        ExpectMsg("answer: go", BlockingAsker.AskTimeout + TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Endless_ping_pong_between_two_actors_does_not_starve_a_third()
    {
        var a = Sys.ActorOf(Props.Create(() => new Echo()), "a");
        var b = Sys.ActorOf(Props.Create(() => new Echo()), "b");
        var bystander = Sys.ActorOf(Props.Create(() => new Echo()), "bystander");
        a.Tell("ball", b); // a and b now bounce "ball" forever

        var probe = CreateTestProbe();
        for (var i = 0; i < 100; i++)
        {
            bystander.Tell(i, probe);
            probe.ExpectMsg(i);
        }
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender.Tell(m, Self));
    }

    private sealed class BlockingAsker : ReceiveActor
    {
        public static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(20);

        public BlockingAsker(IActorRef echo) =>
            Receive<string>(s =>
            {
                // Blocking inside an actor is poor style, but it must not deadlock the kernel.
                var answer = echo.Ask<string>(s, AskTimeout).GetAwaiter().GetResult();
                Sender.Tell("answer: " + answer);
            });
    }
}
