using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Serenity.Actors;
using Serenity.Cluster.Membership;

namespace Serenity.Server.Admin.Cluster;

/// <summary>
/// What <c>pbm cluster tail</c> streams: the current members as the events that made them (joined, up, ...), then
/// every <see cref="ClusterEvent"/> the node publishes on its event stream, until cancelled.
/// </summary>
internal static class ClusterEventFeed
{
    /// <summary>A bounded backlog per client: a client that stops reading loses the oldest events, never the node's memory.</summary>
    private const int Backlog = 1024;

    public static async IAsyncEnumerable<ClusterEvent> ReadAsync(ActorSystem system, Func<IReadOnlyList<Member>> members, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<ClusterEvent>(new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var sink = new Sink(channel.Writer, system.Name);
        // Subscribed before the snapshot is taken, so no change falls between the two (one may show twice).
        system.EventStream.Subscribe(sink, typeof(ClusterEvent));
        try
        {
            foreach (var e in MembershipDiff.Between([], members())) yield return e;
            while (await WaitAsync(channel.Reader, cancellationToken))
            {
                while (channel.Reader.TryRead(out var e)) yield return e;
            }
        }
        finally
        {
            system.EventStream.Unsubscribe(sink);
        }
    }

    private static async Task<bool> WaitAsync(ChannelReader<ClusterEvent> reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.WaitToReadAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false; // the client went away: the sequence ends without an exception
        }
    }

    /// <summary>The event-stream subscriber: hands each event to the client's channel.</summary>
    private sealed class Sink(ChannelWriter<ClusterEvent> writer, string systemName)
        : MinimalActorRef(new RootActorPath(new Address(Address.DefaultProtocol, systemName)).Child("system").Child("pbm-cluster-tail-" + Guid.NewGuid().ToString("N")))
    {
        public override void Tell(object message, IActorRef? sender)
        {
            if (message is ClusterEvent e) writer.TryWrite(e);
        }
    }
}
