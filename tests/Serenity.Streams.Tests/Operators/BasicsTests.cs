using Serenity.Streams.Dsl;
using Serenity.Streams.Tests.Support;

namespace Serenity.Streams.Tests.Operators;

public sealed class BasicsTests : StreamSpec
{
    [Fact]
    public void Source_From_runs_into_Sink_Seq()
    {
        var result = Await(Source.From([1, 2, 3]).RunWith(Sink.Seq<int>(), Materializer));
        Assert.Equal([1, 2, 3], result);
        AssertAllStagesStopped();
    }

    [Fact]
    public void Select_and_Where_transform_and_filter()
    {
        var result = Await(Source.From(Enumerable.Range(1, 10)).Select(x => x * 10).Where(x => x % 20 == 0).RunWith(Sink.Seq<int>(), Materializer));
        Assert.Equal([20, 40, 60, 80, 100], result);
    }

    [Fact]
    public void A_blueprint_can_be_materialized_many_times()
    {
        var graph = Source.From(Enumerable.Range(1, 100)).Select(x => x + 1).ToMaterialized(Sink.Aggregate<int, int>(0, (a, x) => a + x), Keep.Right);
        var first = graph.Run(Materializer);
        var second = graph.Run(Materializer);
        Assert.Equal(5150, Await(first));
        Assert.Equal(5150, Await(second));
    }

    [Fact]
    public void Via_To_and_flows_compose()
    {
        var double_ = Flow.Create<int>().Select(x => x * 2);
        var addOne = Flow.Create<int>().Select(x => x + 1);
        var sink = double_.Via(addOne).ToMaterialized(Sink.Seq<int>(), Keep.Right);
        Assert.Equal([3, 5, 7], Await(Source.From([1, 2, 3]).RunWith(sink, Materializer)));
        Assert.Equal([2, 4], Await(Source.From([1, 2]).Via(Flow.Create<int>()).Via(double_).RunWith(Sink.Seq<int>(), Materializer)));
    }

    [Fact]
    public void Materialized_values_combine_with_Keep()
    {
        var (killSwitch, result) = Source.From([1, 2, 3])
            .ViaMaterialized(KillSwitches.Single<int>(), Keep.Right)
            .ToMaterialized(Sink.Seq<int>(), Keep.Both)
            .Run(Materializer);
        Assert.NotNull(killSwitch);
        Assert.Equal([1, 2, 3], Await(result));
        var mapped = Source.Single(1).MapMaterializedValue(_ => "mat").To(Sink.Ignore<int>()).Run(Materializer);
        Assert.Equal("mat", mapped);
    }

    [Fact]
    public void RunForeach_and_RunAggregate()
    {
        var seen = new List<int>();
        Await(Source.From([1, 2, 3]).RunForeach(seen.Add, Materializer));
        Assert.Equal([1, 2, 3], seen);
        Assert.Equal(6, Await(Source.From([1, 2, 3]).RunAggregate(0, (a, x) => a + x, Materializer)));
    }

    [Fact]
    public void Single_Empty_Failed_Repeat_and_Take()
    {
        Assert.Equal(["x"], Await(Source.Single("x").RunWith(Sink.Seq<string>(), Materializer)));
        Assert.Empty(Await(Source.Empty<int>().RunWith(Sink.Seq<int>(), Materializer)));
        var boom = new TestException("boom");
        Assert.Same(boom, AwaitFailure(Source.Failed<int>(boom).RunWith(Sink.Seq<int>(), Materializer)));
        Assert.Equal([7, 7, 7], Await(Source.Repeat(7).Take(3).RunWith(Sink.Seq<int>(), Materializer)));
        Assert.Empty(Await(Source.Repeat(7).Take(0).RunWith(Sink.Seq<int>(), Materializer)));
    }

    [Fact]
    public void Sink_First_and_FirstOrDefault()
    {
        Assert.Equal(1, Await(Source.Repeat(1).RunWith(Sink.First<int>(), Materializer)));
        Assert.Equal(0, Await(Source.Empty<int>().RunWith(Sink.FirstOrDefault<int>(), Materializer)));
        Assert.IsType<InvalidOperationException>(AwaitFailure(Source.Empty<int>().RunWith(Sink.First<int>(), Materializer)));
        AssertAllStagesStopped();
    }

    [Fact]
    public void Sink_Aggregate_and_Ignore_complete_with_the_stream()
    {
        Assert.Equal(5050L, Await(Source.From(Enumerable.Range(1, 100)).RunWith(Sink.Aggregate<int, long>(0, (a, x) => a + x), Materializer)));
        Await(Source.From(Enumerable.Range(1, 100)).RunWith(Sink.Ignore<int>(), Materializer));
    }

    [Fact]
    public void Source_From_enumerates_afresh_per_materialization_and_disposes_its_enumerator()
    {
        var enumerable = new CountingEnumerable(3);
        var source = Source.From(enumerable);
        Assert.Equal([0, 1, 2], Await(source.RunWith(Sink.Seq<int>(), Materializer)));
        Assert.Equal([0, 1, 2], Await(source.RunWith(Sink.Seq<int>(), Materializer)));
        AssertAllStagesStopped();
        Assert.Equal(2, enumerable.Disposed);
    }

    [Fact]
    public void A_long_stream_completes_with_the_right_sum()
    {
        const int n = 1_000_000;
        var sum = Await(Source.From(Enumerable.Range(1, n)).Select(x => (long)x).Select(x => x + 1).Select(x => x - 1)
            .RunWith(Sink.Aggregate<long, long>(0, (a, x) => a + x), Materializer));
        Assert.Equal((long)n * (n + 1) / 2, sum);
    }

    private sealed class CountingEnumerable(int count) : IEnumerable<int>
    {
        public int Disposed;

        public IEnumerator<int> GetEnumerator() => new Enumerator(this, count);

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private sealed class Enumerator(CountingEnumerable owner, int count) : IEnumerator<int>
        {
            private int _next = -1;

            public int Current => _next;

            object System.Collections.IEnumerator.Current => _next;

            public bool MoveNext() => ++_next < count;

            public void Reset() => _next = -1;

            public void Dispose() => Interlocked.Increment(ref owner.Disposed);
        }
    }
}
