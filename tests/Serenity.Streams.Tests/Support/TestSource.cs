using Serenity.Streams.Dsl;
using Serenity.Streams.Stage;
using Serenity.TestKit;

namespace Serenity.Streams.Tests.Support;

/// <summary>A source the test drives and whose demand and cancellation the test expects (Akka's <c>TestSource.Probe</c>).</summary>
public static class TestSource
{
    /// <summary>A probe source reporting to a fresh probe of <paramref name="kit"/>.</summary>
    public static Source<T, SourceProbe<T>> Probe<T>(TestKit.TestKit kit)
    {
        ArgumentNullException.ThrowIfNull(kit);
        return Source.FromGraph(new ProbeSource<T>(kit.CreateTestProbe()));
    }

    private sealed class ProbeSource<T>(TestProbe probe) : GraphStageWithMaterializedValue<SourceShape<T>, SourceProbe<T>>
    {
        public Outlet<T> Out { get; } = new("ProbeSource.out");

        public override SourceShape<T> Shape => new(Out);

        public override LogicAndMaterializedValue<SourceProbe<T>> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
        {
            var logic = new Logic(this, probe);
            return new(logic, new SourceProbe<T>(probe, logic.Send));
        }

        private sealed class Logic : OutGraphStageLogic
        {
            private readonly Outlet<T> _out;
            private readonly TestProbe _probe;

            public Logic(ProbeSource<T> stage, TestProbe probe) : base(stage.Shape)
            {
                _out = stage.Out;
                _probe = probe;
                SetHandler(_out, this);
                Send = GetAsyncCallback<SourceCommand<T>>(c =>
                {
                    switch (c)
                    {
                        case SourceCommand<T>.Next next:
                            Push(_out, next.Element);
                            break;
                        case SourceCommand<T>.Complete:
                            CompleteStage();
                            break;
                        case SourceCommand<T>.Error error:
                            FailStage(error.Cause);
                            break;
                    }
                });
            }

            public Action<SourceCommand<T>> Send { get; }

            public override void OnPull() => _probe.Tell(new Request(1), null);

            public override void OnDownstreamFinish(Exception cause)
            {
                _probe.Tell(new CancelSubscription(cause), null);
                CompleteStage();
            }
        }
    }
}

/// <summary>Downstream asked the probe source for elements.</summary>
public sealed record Request(long N);

/// <summary>Downstream cancelled the probe source.</summary>
public sealed record CancelSubscription(Exception Cause);

/// <summary>What the test tells a probe source.</summary>
public abstract record SourceCommand<T>
{
    public sealed record Next(T Element) : SourceCommand<T>;

    public sealed record Complete : SourceCommand<T>;

    public sealed record Error(Exception Cause) : SourceCommand<T>;
}

/// <summary>Drives and observes a probe source.</summary>
public sealed class SourceProbe<T>(TestProbe probe, Action<SourceCommand<T>> send)
{
    /// <summary>The underlying probe (receives Request and CancelSubscription).</summary>
    public TestProbe Probe { get; } = probe;

    /// <summary>Expects a pull from downstream.</summary>
    public SourceProbe<T> ExpectRequest()
    {
        Probe.ExpectMsg<Request>();
        return this;
    }

    /// <summary>Pushes an element (downstream must have pulled).</summary>
    public SourceProbe<T> SendNext(T element)
    {
        send(new SourceCommand<T>.Next(element));
        return this;
    }

    /// <summary>Completes the source.</summary>
    public void SendComplete() => send(new SourceCommand<T>.Complete());

    /// <summary>Fails the source.</summary>
    public void SendError(Exception cause) => send(new SourceCommand<T>.Error(cause));

    /// <summary>Expects downstream to cancel; returns the cause.</summary>
    public Exception ExpectCancellation() => Probe.FishForMessage<CancelSubscription>(_ => true).Cause;
}
