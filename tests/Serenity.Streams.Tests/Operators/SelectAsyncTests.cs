using Serenity.Actors;
using Serenity.Streams.Dsl;
using Serenity.Streams.Tests.Support;

namespace Serenity.Streams.Tests.Operators;

public sealed class SelectAsyncTests : StreamSpec
{
    /// <summary>One completion source per element, completed by the test in any order.</summary>
    private sealed class Pending
    {
        private readonly Dictionary<int, TaskCompletionSource<int>> _tasks = [];

        public int Started
        {
            get
            {
                lock (_tasks) return _tasks.Count;
            }
        }

        public Task<int> Start(int x)
        {
            var tcs = new TaskCompletionSource<int>();
            lock (_tasks) _tasks[x] = tcs;
            return tcs.Task;
        }

        public void Complete(int x, int result) => Get(x).SetResult(result);

        public void Fail(int x, Exception e) => Get(x).SetException(e);

        private TaskCompletionSource<int> Get(int x)
        {
            lock (_tasks) return _tasks[x];
        }
    }

    [Fact]
    public void SelectAsync_emits_in_upstream_order_whatever_the_completion_order()
    {
        var pending = new Pending();
        var sink = Source.From([1, 2, 3]).SelectAsync(3, pending.Start).RunWith(TestSink.Probe<int>(this), Materializer);
        sink.Request(3);
        AwaitCondition(() => pending.Started == 3);
        pending.Complete(3, 30);
        pending.Complete(2, 20);
        sink.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        pending.Complete(1, 10);
        sink.ExpectNext(10, 20, 30).ExpectComplete();
    }

    [Fact]
    public void SelectAsyncUnordered_emits_in_completion_order()
    {
        var pending = new Pending();
        var sink = Source.From([1, 2, 3]).SelectAsyncUnordered(3, pending.Start).RunWith(TestSink.Probe<int>(this), Materializer);
        sink.Request(3);
        AwaitCondition(() => pending.Started == 3);
        pending.Complete(3, 30);
        sink.ExpectNext(30);
        pending.Complete(1, 10);
        sink.ExpectNext(10);
        pending.Complete(2, 20);
        sink.ExpectNext(20).ExpectComplete();
    }

    [Fact]
    public void No_more_than_parallelism_tasks_run_at_once()
    {
        var pending = new Pending();
        var sink = Source.From(Enumerable.Range(1, 10)).SelectAsync(2, pending.Start).RunWith(TestSink.Probe<int>(this), Materializer);
        sink.Request(10);
        AwaitCondition(() => pending.Started == 2);
        sink.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.Equal(2, pending.Started);
        pending.Complete(1, 1);
        sink.ExpectNext(1);
        AwaitCondition(() => pending.Started == 3);
    }

    [Fact]
    public void A_failed_task_fails_the_stream_with_the_original_exception()
    {
        var boom = new TestException("task");
        var task = Source.From([1, 2, 3]).SelectAsync(2, x => x == 2 ? Task.FromException<int>(boom) : Task.FromResult(x)).RunWith(Sink.Seq<int>(), Materializer);
        Assert.Same(boom, AwaitFailure(task));
        AssertAllStagesStopped();
    }

    [Fact]
    public void A_throwing_function_fails_the_stream_with_the_original_exception()
    {
        var boom = new TestException("function");
        var task = Source.From([1, 2, 3]).SelectAsync<int, int, NotUsed>(2, x => x == 2 ? throw boom : Task.FromResult(x)).RunWith(Sink.Seq<int>(), Materializer);
        Assert.Same(boom, AwaitFailure(task));
    }

    [Fact]
    public void Resume_skips_failed_elements()
    {
        var task = Source.From([1, 2, 3, 4]).SelectAsync(2, x => x % 2 == 0 ? Task.FromException<int>(new TestException("even")) : Task.Run(() => x * 10))
            .WithAttributes(ActorAttributes.CreateSupervisionStrategy(Deciders.ResumingDecider))
            .RunWith(Sink.Seq<int>(), Materializer);
        Assert.Equal([10, 30], Await(task));
    }

    [Fact]
    public void Null_results_are_skipped()
    {
        var task = Source.From(["a", "b", "c"]).SelectAsync(2, x => Task.FromResult(x == "b" ? null! : x.ToUpperInvariant())).RunWith(Sink.Seq<string>(), Materializer);
        Assert.Equal(["A", "C"], Await(task));
    }

    [Fact]
    public void Completion_waits_for_the_tasks_in_flight()
    {
        var results = Await(Source.From(Enumerable.Range(1, 200)).SelectAsync(8, async x =>
        {
            await Task.Yield();
            return x * 2;
        }).RunWith(Sink.Seq<int>(), Materializer));
        Assert.Equal(Enumerable.Range(1, 200).Select(x => x * 2), results);
    }
}
