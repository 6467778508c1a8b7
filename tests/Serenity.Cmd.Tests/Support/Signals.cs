using Serenity.Actors;
using Serenity.Cluster.PubSub;

namespace Serenity.Cmd.Tests.Support;

/// <summary>Completes when a message published on a topic matches (subscribes an actor; no polling).</summary>
public static class Signals
{
    /// <summary>Subscribes (returns once the subscription is in place); the returned task completes with the first match.</summary>
    public static async Task<Task<T>> NextAsync<T>(ActorSystem system, string topic, Func<T, bool>? match = null)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = system.ActorOf(Props.Create(() => new Listener<T>(done, match ?? (_ => true))));
        await DistributedPubSub.Get(system).SubscribeAsync(topic, actor);
        _ = done.Task.ContinueWith(_ => system.Stop(actor), TaskScheduler.Default);
        return done.Task;
    }

    private sealed class Listener<T> : ReceiveActor
    {
        public Listener(TaskCompletionSource<T> done, Func<T, bool> match) => Receive<T>(m =>
        {
            if (match(m)) done.TrySetResult(m);
        });
    }
}
