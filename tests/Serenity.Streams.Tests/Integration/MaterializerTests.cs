using Serenity.Hocon;
using Serenity.Streams.Dsl;
using Serenity.Streams.Tests.Support;

namespace Serenity.Streams.Tests.Integration;

public sealed class MaterializerTests : StreamSpec
{
    public MaterializerTests() : base("serenity.streams.materializer.sync-processing-limit = 500")
    {
    }

    [Fact]
    public void Settings_come_from_hocon()
    {
        Assert.Equal(500, Materializer.Settings.SyncProcessingLimit);
        Assert.Equal(16, Materializer.Settings.MaxInputBufferSize);
        var bad = ConfigurationFactory.ParseString("serenity.streams.materializer.max-input-buffer-size = 0", "bad.conf").WithFallback(Actors.Settings.Reference);
        var error = Assert.Throws<ConfigException>(() => ActorMaterializerSettings.Create(bad));
        Assert.Contains("max-input-buffer-size", error.Message, StringComparison.Ordinal);
        Assert.Contains("bad.conf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shutdown_stops_running_streams_abruptly()
    {
        var materializer = ActorMaterializer.Create(Sys);
        var task = Source.Never<int>().RunWith(Sink.Seq<int>(), materializer);
        Assert.Equal(1, materializer.RunningStreams);
        materializer.Shutdown();
        Assert.IsType<AbruptStageTerminationException>(AwaitFailure(task));
        AwaitCondition(() => materializer.RunningStreams == 0);
        Assert.Throws<InvalidOperationException>(() => Source.Single(1).ToMaterialized(Sink.Ignore<int>(), Keep.None).Run(materializer));
    }

    [Fact]
    public void The_system_s_materializer_is_one_per_system()
    {
        Assert.Same(Sys.Materializer(), Sys.Materializer());
    }

    [Fact]
    public void A_graph_that_is_not_closed_cannot_run()
    {
        var open = GraphDsl.Create(b =>
        {
            var merge = b.Add(new Merge<int>(2));
            b.From(Source.Single(1)).To(merge);
            b.From(merge).To(Sink.Ignore<int>());
            return new SinkShape<int>(merge.In(1));
        });
        var error = Assert.Throws<InvalidOperationException>(() => RunnableGraph.FromGraph(GraphDsl.Create(b =>
        {
            b.Add(open);
            return ClosedShape.Instance;
        })));
        Assert.Contains("neither connected", error.Message, StringComparison.Ordinal);
    }
}

public sealed class SystemTerminationTests
{
    [Fact]
    public async Task Terminating_the_system_stops_its_streams()
    {
        var system = Actors.ActorSystem.Create("termination", ConfigurationFactory.ParseString("serenity.stdout-loglevel = OFF"));
        var task = Source.Never<int>().RunWith(Sink.Seq<int>(), system.Materializer());
        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<AbruptStageTerminationException>(() => task.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
