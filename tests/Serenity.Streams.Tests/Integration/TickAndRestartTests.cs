using Serenity.Streams.Dsl;
using Serenity.Streams.Tests.Support;

namespace Serenity.Streams.Tests.Integration;

public sealed class TickAndRestartTests : StreamSpec
{
    [Fact]
    public void Tick_emits_on_the_virtual_clock_and_drops_ticks_without_demand()
    {
        var (cancellable, sink) = Source.Tick(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), "tick").ToMaterialized(TestSink.Probe<string>(this), Keep.Both).Run(Materializer);
        sink.Request(1);
        Advance(TimeSpan.FromMilliseconds(999));
        sink.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Advance(TimeSpan.FromMilliseconds(1));
        sink.ExpectNext("tick");
        Advance(TimeSpan.FromSeconds(10)); // five ticks without demand: dropped
        sink.Request(1);
        sink.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Advance(TimeSpan.FromSeconds(2));
        sink.ExpectNext("tick");
        cancellable.Cancel();
        sink.ExpectComplete();
        AssertAllStagesStopped();
    }

    [Fact]
    public void RestartSource_restarts_a_completed_source_after_the_backoff()
    {
        var starts = 0;
        var sink = RestartSource.WithBackoff(() =>
            {
                var n = Interlocked.Increment(ref starts);
                return Source.From([n * 10 + 1, n * 10 + 2]);
            }, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 0)
            .RunWith(TestSink.Probe<int>(this), Materializer);
        sink.Request(10).ExpectNext(11, 12);
        sink.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Advance(TimeSpan.FromMilliseconds(999));
        sink.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Advance(TimeSpan.FromMilliseconds(1));
        sink.ExpectNext(21, 22);
        sink.Cancel();
        AssertAllStagesStopped();
    }

    [Fact]
    public void RestartSource_backs_off_exponentially_up_to_the_maximum()
    {
        var starts = new List<DateTimeOffset>();
        var sink = RestartSource.WithBackoff(() =>
            {
                lock (starts) starts.Add(Clock.GetUtcNow());
                return Source.Failed<int>(new TestException("always"));
            }, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), 0)
            .RunWith(TestSink.Probe<int>(this), Materializer);
        for (var i = 0; i < 6; i++) Advance(TimeSpan.FromSeconds(1)); // one second at a time, so each timer sees the clock move
        Advance(TimeSpan.FromSeconds(20));
        List<TimeSpan> gaps;
        lock (starts) gaps = [.. starts.Zip(starts.Skip(1), (a, b) => b - a)];
        Assert.Equal([1, 2, 4, 4, 4, 4], gaps.Take(6).Select(g => g.TotalSeconds));
        sink.Cancel();
    }

    [Fact]
    public void OnFailuresWithBackoff_completes_when_the_inner_source_completes()
    {
        var starts = 0;
        var task = RestartSource.OnFailuresWithBackoff(() =>
            {
                var n = Interlocked.Increment(ref starts);
                return n == 1 ? Source.Failed<int>(new TestException("first")) : Source.From([1, 2]);
            }, RestartSettings.Create(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 0))
            .RunWith(Sink.Seq<int>(), Materializer);
        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([1, 2], Await(task));
        Assert.Equal(2, starts);
    }

    [Fact]
    public void RestartSource_gives_up_after_max_restarts_with_the_last_failure()
    {
        var boom = new TestException("always");
        var task = RestartSource.WithBackoff(() => Source.Failed<int>(boom),
                RestartSettings.Create(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 0).WithMaxRestarts(2, TimeSpan.FromMinutes(1)))
            .RunWith(Sink.Seq<int>(), Materializer);
        Advance(TimeSpan.FromSeconds(1));
        Advance(TimeSpan.FromSeconds(1));
        Assert.Same(boom, AwaitFailure(task));
    }
}
