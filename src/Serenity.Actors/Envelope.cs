namespace Serenity.Actors;

/// <summary>A message with its sender, as held in a mailbox. A struct, so a Tell allocates nothing.</summary>
public readonly record struct Envelope(object Message, IActorRef? Sender);
