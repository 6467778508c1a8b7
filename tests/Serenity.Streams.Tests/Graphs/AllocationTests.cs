using Serenity.Streams.Dsl;
using Serenity.Streams.Tests.Support;

namespace Serenity.Streams.Tests.Graphs;

/// <summary>
/// Select and Where move value types without allocating: the elements live in typed connection slots.
/// The graph runs inline on the test thread (a large sync-processing-limit), so the thread's allocation
/// counter sees all of it; what is left is the one-off cost of materialization.
/// </summary>
public sealed class AllocationTests() : StreamSpec("serenity.streams.materializer.sync-processing-limit = 100000000")
{
    [Fact]
    public void Select_and_Where_allocate_nothing_per_element_for_value_types()
    {
        const int n = 200_000;
        var items = Enumerable.Range(0, n).ToArray();
        var graph = Source.From(items).Select(x => x + 1).Where(x => x % 3 != 0).Select(x => (long)x)
            .ToMaterialized(Sink.Aggregate<long, long>(0, (a, x) => a + x), Keep.Right);
        Await(graph.Run(Materializer)); // warm up: JIT and tiering
        var before = GC.GetAllocatedBytesForCurrentThread();
        var task = graph.Run(Materializer);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(task.IsCompleted, "the graph should have run inline");
        Assert.True(allocated / (double)n < 0.2, $"{allocated} bytes for {n} elements");
    }
}
