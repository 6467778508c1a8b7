using Serenity.Actors;

namespace Serenity.Server.Logging;

/// <summary>An event-stream subscriber with no mailbox: copies every <see cref="LogEvent"/> into a <see cref="LogRing"/> as it is published.</summary>
internal sealed class LogRingSink(LogRing ring, string systemName)
    : MinimalActorRef(new RootActorPath(new Address(Address.DefaultProtocol, systemName)).Child("system").Child("pbm-log-ring"))
{
    public override void Tell(object message, IActorRef? sender)
    {
        if (message is not LogEvent e || e.Level == Serenity.Actors.LogLevel.Off) return;
        var text = e.Cause is null ? e.Message : $"{e.Message} ({e.Cause.GetType().Name}: {e.Cause.Message})";
        ring.Add(e.Timestamp, e.Level.ToString().ToLowerInvariant(), e.LogSource, text);
    }
}
