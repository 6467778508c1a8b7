using Serenity.Actors;
using Serenity.Streams.Dsl;
using Serenity.Streams.Tests.Support;

namespace Serenity.Streams.Tests.Operators;

public sealed class SupervisionTests : StreamSpec
{
    private static readonly TestException Boom = new("boom");

    private static int FailOn3(int x) => x == 3 ? throw Boom : x;

    [Fact]
    public void A_failing_stage_fails_the_graph_with_the_original_exception()
    {
        var task = Source.From(Enumerable.Range(1, 5)).Select(FailOn3).Select(x => x * 2).RunWith(Sink.Seq<int>(), Materializer);
        Assert.Same(Boom, AwaitFailure(task));
        AssertAllStagesStopped();
    }

    [Fact]
    public void Resume_drops_the_failing_element()
    {
        var task = Source.From(Enumerable.Range(1, 5)).Select(FailOn3)
            .WithAttributes(ActorAttributes.CreateSupervisionStrategy(Deciders.ResumingDecider))
            .RunWith(Sink.Seq<int>(), Materializer);
        Assert.Equal([1, 2, 4, 5], Await(task));
    }

    [Fact]
    public void Stop_from_a_decider_fails_with_the_original_exception()
    {
        var task = Source.From(Enumerable.Range(1, 5)).Where(x => x == 3 ? throw Boom : true)
            .WithAttributes(ActorAttributes.CreateSupervisionStrategy(e => e is ArgumentException ? Directive.Resume : Directive.Stop))
            .RunWith(Sink.Seq<int>(), Materializer);
        Assert.Same(Boom, AwaitFailure(task));
    }

    [Fact]
    public void Restart_resets_the_state_of_Scan()
    {
        var task = Source.From([1, 2, 3, 4, 5]).Scan(0, (acc, x) => x == 3 ? throw Boom : acc + x)
            .WithAttributes(ActorAttributes.CreateSupervisionStrategy(Deciders.RestartingDecider))
            .RunWith(Sink.Seq<int>(), Materializer);
        Assert.Equal([0, 1, 3, 4, 9], Await(task));
    }

    [Fact]
    public void Resume_keeps_the_state_of_Scan()
    {
        var task = Source.From([1, 2, 3, 4, 5]).Scan(0, (acc, x) => x == 3 ? throw Boom : acc + x)
            .WithAttributes(ActorAttributes.CreateSupervisionStrategy(Deciders.ResumingDecider))
            .RunWith(Sink.Seq<int>(), Materializer);
        Assert.Equal([0, 1, 3, 7, 12], Await(task));
    }

    [Fact]
    public void Sink_Aggregate_is_supervised_too()
    {
        var resumed = Source.From([1, 2, 3, 4]).RunWith(
            Sink.Aggregate<int, int>(0, (a, x) => x == 3 ? throw Boom : a + x).WithAttributes(ActorAttributes.CreateSupervisionStrategy(Deciders.ResumingDecider)),
            Materializer);
        Assert.Equal(7, Await(resumed));
        var stopped = Source.From([1, 2, 3, 4]).RunWith(Sink.Aggregate<int, int>(0, (a, x) => x == 3 ? throw Boom : a + x), Materializer);
        Assert.Same(Boom, AwaitFailure(stopped));
    }

    [Fact]
    public void An_exception_thrown_by_a_user_stage_fails_only_through_the_graph()
    {
        var task = Source.From(Enumerable.Range(1, 5)).Via(new ThrowingStage()).RunWith(Sink.Seq<int>(), Materializer);
        Assert.IsType<TestException>(AwaitFailure(task));
        AssertAllStagesStopped();
    }

    [Fact]
    public void Failure_from_the_enumerable_fails_the_stream()
    {
        static IEnumerable<int> Broken()
        {
            yield return 1;
            throw Boom;
        }
        Assert.Same(Boom, AwaitFailure(Source.From(Broken()).RunWith(Sink.Seq<int>(), Materializer)));
    }

    /// <summary>A stage written like a user's: its handler throws.</summary>
    private sealed class ThrowingStage : Stage.GraphStage<FlowShape<int, int>>
    {
        public Inlet<int> In { get; } = new("Throwing.in");

        public Outlet<int> Out { get; } = new("Throwing.out");

        public override FlowShape<int, int> Shape => new(In, Out);

        protected override Stage.GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

        private sealed class Logic : Stage.InAndOutGraphStageLogic
        {
            private readonly ThrowingStage _stage;

            public Logic(ThrowingStage stage) : base(stage.Shape)
            {
                _stage = stage;
                SetHandlers(stage.In, stage.Out, this);
            }

            public override void OnPush()
            {
                var x = Grab(_stage.In);
                if (x == 2) throw new TestException("user stage");
                Push(_stage.Out, x);
            }

            public override void OnPull() => Pull(_stage.In);
        }
    }
}
