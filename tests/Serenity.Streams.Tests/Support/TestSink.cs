using Serenity.Streams.Dsl;
using Serenity.Streams.Stage;
using Serenity.TestKit;

namespace Serenity.Streams.Tests.Support;

/// <summary>A sink whose demand the test controls and whose signals the test expects (Akka's <c>TestSink.Probe</c>).</summary>
public static class TestSink
{
    /// <summary>A probe sink reporting to a fresh probe of <paramref name="kit"/>.</summary>
    public static Sink<T, SinkProbe<T>> Probe<T>(TestKit.TestKit kit)
    {
        ArgumentNullException.ThrowIfNull(kit);
        return Sink.FromGraph(new ProbeSink<T>(kit.CreateTestProbe()));
    }

    private sealed class ProbeSink<T>(TestProbe probe) : GraphStageWithMaterializedValue<SinkShape<T>, SinkProbe<T>>
    {
        public Inlet<T> In { get; } = new("ProbeSink.in");

        public override SinkShape<T> Shape => new(In);

        public override LogicAndMaterializedValue<SinkProbe<T>> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
        {
            var logic = new Logic(this, probe);
            return new(logic, new SinkProbe<T>(probe, logic.Request, logic.CancelCallback));
        }

        private sealed class Logic : InGraphStageLogic
        {
            private readonly Inlet<T> _in;
            private readonly TestProbe _probe;
            private long _demand;

            public Logic(ProbeSink<T> stage, TestProbe probe) : base(stage.Shape)
            {
                _in = stage.In;
                _probe = probe;
                SetHandler(_in, this);
                Request = GetAsyncCallback<long>(n =>
                {
                    _demand += n;
                    TryPull();
                });
                CancelCallback = GetAsyncCallback(CompleteStage);
            }

            public Action<long> Request { get; }

            public Action CancelCallback { get; }

            public override void OnPush()
            {
                _probe.Tell(new OnNext<T>(Grab(_in)), null);
                _demand--;
                TryPull();
            }

            public override void OnUpstreamFinish()
            {
                _probe.Tell(OnComplete.Instance, null);
                CompleteStage();
            }

            public override void OnUpstreamFailure(Exception e)
            {
                _probe.Tell(new OnError(e), null);
                FailStage(e);
            }

            private void TryPull()
            {
                if (_demand > 0 && !HasBeenPulled(_in) && !IsClosed(_in)) Pull(_in);
            }
        }
    }
}

/// <summary>An element the probe sink received.</summary>
public sealed record OnNext<T>(T Element);

/// <summary>The probe sink's upstream completed.</summary>
public sealed class OnComplete
{
    public static readonly OnComplete Instance = new();

    private OnComplete()
    {
    }
}

/// <summary>The probe sink's upstream failed.</summary>
public sealed record OnError(Exception Cause);

/// <summary>Controls and observes a probe sink.</summary>
public sealed class SinkProbe<T>(TestProbe probe, Action<long> request, Action cancel)
{
    /// <summary>The underlying probe (receives OnNext, OnComplete, OnError).</summary>
    public TestProbe Probe { get; } = probe;

    /// <summary>Signals demand for <paramref name="n"/> more elements.</summary>
    public SinkProbe<T> Request(long n)
    {
        request(n);
        return this;
    }

    /// <summary>Cancels the stream from the sink's side.</summary>
    public void Cancel() => cancel();

    /// <summary>Expects the next element.</summary>
    public T ExpectNext() => Probe.ExpectMsg<OnNext<T>>().Element;

    /// <summary>Expects the next element to equal <paramref name="expected"/>.</summary>
    public SinkProbe<T> ExpectNext(T expected)
    {
        var actual = ExpectNext();
        if (!EqualityComparer<T>.Default.Equals(actual, expected)) throw new Xunit.Sdk.XunitException($"expected element {expected} but got {actual}");
        return this;
    }

    /// <summary>Expects the next elements, in order.</summary>
    public SinkProbe<T> ExpectNext(params T[] expected)
    {
        foreach (var e in expected) ExpectNext(e);
        return this;
    }

    /// <summary>Expects <paramref name="n"/> elements and returns them.</summary>
    public IReadOnlyList<T> ExpectNextN(int n) => [.. Enumerable.Range(0, n).Select(_ => ExpectNext())];

    /// <summary>Requests one element and expects it.</summary>
    public T RequestNext()
    {
        Request(1);
        return ExpectNext();
    }

    /// <summary>Expects completion.</summary>
    public void ExpectComplete() => Probe.ExpectMsg<OnComplete>();

    /// <summary>Expects failure and returns its cause.</summary>
    public Exception ExpectError() => Probe.ExpectMsg<OnError>().Cause;

    /// <summary>Expects no signal for a (real-time) moment.</summary>
    public void ExpectNoMsg(TimeSpan? duration = null) => Probe.ExpectNoMsg(duration);
}
