using Serenity.Actors;
using Serenity.Cluster.Singleton;

namespace Serenity.Cluster.Tests;

public sealed class SingletonTests : TestKit.TestKit
{
    [Fact]
    public async Task With_the_local_provider_the_singleton_runs_here_once()
    {
        var created = 0;
        var first = ClusterSingleton.Get(Sys).Init("feed", Props.Create(() => new Echo(() => Interlocked.Increment(ref created))));
        var second = ClusterSingleton.Get(Sys).Init("feed", Props.Create(() => new Echo(() => Interlocked.Increment(ref created))));

        Assert.Same(first, second);
        Assert.Equal("hi", await first.Ask<string>("hi"));
        Assert.Equal(1, created);
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo(Action onCreate)
        {
            onCreate();
            Receive<string>(s => Sender.Tell(s));
        }
    }
}
