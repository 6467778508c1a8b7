using Serenity.TestKit;

namespace Serenity.Actors.Tests;

/// <summary>Ask: replies, failures, timeouts on virtual time, dead targets, wrong reply types, cancellation.</summary>
public sealed class AskTests : TestKit.TestKit
{
    /// <summary>Answers "echo:x" to strings, Status.Failure to Boom, a number to "number", and ignores "silence".</summary>
    private sealed class Responder : ReceiveActor
    {
        public Responder()
        {
            Receive<string>(s => s == "silence", _ => { });
            Receive<string>(s => s == "number", _ => Sender.Tell(42, Self));
            Receive<string>(s => s == "who", _ => Sender.Tell(Sender.Path.ToString(), Self));
            Receive<string>(s => Sender.Tell("echo:" + s, Self));
            Receive<Boom>(b => Sender.Tell(new Status.Failure(new TestException(b.Reason)), Self));
        }
    }

    private IActorRef NewResponder(string name = "responder") => Sys.ActorOf(Props.Create<Responder>(), name);

    /// <summary>True if the task is still running after a short real-time wait (a negative check, not synchronisation).</summary>
    private static async Task<bool> StillPending(Task task)
    {
        try
        {
            await task.WaitAsync(TimeSpan.FromMilliseconds(100));
            return false;
        }
        catch (TimeoutException)
        {
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    [Fact]
    public async Task The_reply_completes_the_task()
    {
        var responder = NewResponder();

        var answer = await responder.Ask<string>("hello", TimeSpan.FromSeconds(3));

        Assert.Equal("echo:hello", answer);
    }

    [Fact]
    public async Task The_target_sees_a_temporary_sender_under_temp()
    {
        var responder = NewResponder();

        var path = await responder.Ask<string>("who", TimeSpan.FromSeconds(3));

        Assert.StartsWith("serenity://AskTests/temp/", path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Status_Failure_reply_faults_the_task_with_its_cause()
    {
        var responder = NewResponder();

        var e = await Assert.ThrowsAsync<TestException>(() => responder.Ask<string>(new Boom("refused"), TimeSpan.FromSeconds(3)));

        Assert.Equal("refused", e.Message);
    }

    [Fact]
    public async Task No_reply_within_the_timeout_fails_with_AskTimeoutException_on_virtual_time()
    {
        var responder = NewResponder();

        var task = responder.Ask<string>("silence", TimeSpan.FromSeconds(5));
        Advance(TimeSpan.FromMilliseconds(4_999));
        Assert.True(await StillPending(task), "the ask failed before its timeout");
        Advance(TimeSpan.FromMilliseconds(1));

        await Assert.ThrowsAsync<AskTimeoutException>(() => task);
    }

    [Fact]
    public async Task Without_a_timeout_the_configured_ask_timeout_applies()
    {
        var responder = NewResponder();
        Assert.Equal(TimeSpan.FromSeconds(10), Sys.Settings.AskTimeout);

        var task = responder.Ask<string>("silence");
        Advance(TimeSpan.FromSeconds(9));
        Assert.True(await StillPending(task), "the ask failed before serenity.actor.ask-timeout");
        Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<AskTimeoutException>(() => task);
    }

    [Fact]
    public async Task Asking_an_actor_that_is_already_dead_fails_at_once_with_AskTimeoutException()
    {
        var responder = NewResponder();
        Watch(responder);
        Sys.Stop(responder);
        ExpectTerminated(responder);

        var task = responder.Ask<string>("hello", TimeSpan.FromSeconds(5));

        Assert.True(task.IsFaulted, "no virtual time passed, yet the ask must already have failed");
        await Assert.ThrowsAsync<AskTimeoutException>(() => task);
    }

    [Fact]
    public async Task A_reply_of_the_wrong_type_fails_with_InvalidCastException()
    {
        var responder = NewResponder();

        await Assert.ThrowsAsync<InvalidCastException>(() => responder.Ask<string>("number", TimeSpan.FromSeconds(3)));
        Assert.Equal(42, await responder.Ask<int>("number", TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task Ask_works_through_an_ActorSelection()
    {
        NewResponder("by-path");

        var answer = await Sys.ActorSelection("/user/by-path").Ask<string>("hi", TimeSpan.FromSeconds(3));

        Assert.Equal("echo:hi", answer);
    }

    [Fact]
    public async Task Cancelling_the_token_cancels_the_ask()
    {
        var responder = NewResponder();
        using var cts = new CancellationTokenSource();

        var task = responder.Ask<string>("silence", TimeSpan.FromSeconds(5), cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }

    [Fact]
    public async Task Only_the_first_reply_counts()
    {
        var twice = Sys.ActorOf(Props.Create(() => new TwiceReplier()), "twice");

        var answer = await twice.Ask<string>("x", TimeSpan.FromSeconds(3));

        Assert.Equal("first", answer);
    }

    private sealed class TwiceReplier : ReceiveActor
    {
        public TwiceReplier() => Receive<string>(_ =>
        {
            Sender.Tell("first", Self);
            Sender.Tell("second", Self);
        });
    }
}

/// <summary>The default ask timeout comes from <c>serenity.actor.ask-timeout</c>.</summary>
public sealed class AskTimeoutConfigTests() : TestKit.TestKit("serenity.actor.ask-timeout = 2s")
{
    [Fact]
    public async Task A_configured_ask_timeout_is_used_when_the_ask_names_none()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Silent()), "silent");

        var task = silent.Ask<string>("anyone?");
        Advance(TimeSpan.FromSeconds(2));

        var e = await Assert.ThrowsAsync<AskTimeoutException>(() => task);
        Assert.Contains("silent", e.Message, StringComparison.Ordinal);
    }

    private sealed class Silent : ReceiveActor
    {
        public Silent() => ReceiveAny(_ => { });
    }
}
