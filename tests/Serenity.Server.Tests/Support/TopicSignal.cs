using Serenity.Actors;
using Serenity.Cluster.PubSub;

namespace Serenity.Server.Tests.Support;

/// <summary>Completes when the first message of type <typeparamref name="T"/> is published on a topic.</summary>
public static class TopicSignal
{
    /// <summary>Subscribes an actor to <paramref name="topic"/> and returns the first <typeparamref name="T"/> it gets.</summary>
    public static Task<T> NextAsync<T>(ActorSystem system, string topic)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = system.ActorOf(Props.Create(() => new Listener<T>(done)));
        DistributedPubSub.Get(system).Subscribe(topic, actor);
        _ = done.Task.ContinueWith(_ => system.Stop(actor), TaskScheduler.Default);
        return done.Task;
    }

    private sealed class Listener<T> : ReceiveActor
    {
        public Listener(TaskCompletionSource<T> done) => Receive<T>(m => done.TrySetResult(m));
    }
}
