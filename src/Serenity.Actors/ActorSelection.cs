namespace Serenity.Actors;

/// <summary>
/// Actors addressed by path instead of by ref: <c>/user/a/b</c>, relative <c>../sibling</c>, or with
/// <c>*</c> and <c>?</c> wildcards. As in Akka, a message travels down the path through each actor's
/// mailbox, so it reaches children an actor created before the message arrived, whatever lives there
/// now. A message that matches no actor becomes a dead letter (an <see cref="Identify"/> is answered
/// with an empty <see cref="ActorIdentity"/>).
/// </summary>
public sealed class ActorSelection : ICanTell
{
    private readonly LocalActorRef _anchor;
    private readonly string[] _elements;

    private ActorSelection(LocalActorRef anchor, string[] elements, ActorSystemImpl system)
    {
        _anchor = anchor;
        _elements = elements;
        System = system;
    }

    internal ActorSystemImpl System { get; }

    /// <summary>The selection's path as given, relative to its anchor.</summary>
    public string PathString => string.Join('/', _elements);

    // The anchor's path and the elements, without doubling the root's trailing slash.
    private string Describe() => $"{_anchor.Path.ToString().TrimEnd('/')}/{PathString}";

    internal static ActorSelection Create(LocalActorRef relativeTo, string path, ActorSystemImpl system)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path.Contains("://", StringComparison.Ordinal))
        {
            if (!ActorPath.TryParse(path, out var address, out var parsed) || address!.System != system.Name)
            {
                throw new ArgumentException($"[{path}] is not a path in actor system [{system.Name}]", nameof(path));
            }
            return new ActorSelection(system.RootCell.SelfRef, [.. parsed], system);
        }
        if (path.StartsWith('/')) return new ActorSelection(system.RootCell.SelfRef, path.Split('/', StringSplitOptions.RemoveEmptyEntries), system);
        return new ActorSelection(relativeTo, path.Split('/', StringSplitOptions.RemoveEmptyEntries), system);
    }

    /// <inheritdoc />
    public void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        _anchor.Tell(new SelectionDelivery(_elements, 0, message, sender), sender);
    }

    /// <summary>The one actor at this path (asked with <see cref="Identify"/>), or <see cref="ActorNotFoundException"/>.</summary>
    public async Task<IActorRef> ResolveOne(TimeSpan timeout)
    {
        var identity = await this.Ask<ActorIdentity>(new Identify(null), timeout).ConfigureAwait(false);
        return identity.Subject ?? throw new ActorNotFoundException($"No actor found at {Describe()}");
    }

    /// <inheritdoc />
    public override string ToString() => $"ActorSelection[{Describe()}]";

    internal static class Wildcard
    {
        // '*' matches any run of characters, '?' exactly one.
        public static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
        {
            if (pattern.IsEmpty) return text.IsEmpty;
            if (pattern[0] == '*')
            {
                for (var i = 0; i <= text.Length; i++)
                {
                    if (Matches(pattern[1..], text[i..])) return true;
                }
                return false;
            }
            return !text.IsEmpty && (pattern[0] == '?' || pattern[0] == text[0]) && Matches(pattern[1..], text[1..]);
        }
    }
}

/// <summary>A selection's message on its way down the path: <see cref="Index"/> is the next element to resolve.</summary>
internal sealed record SelectionDelivery(string[] Elements, int Index, object Message, IActorRef? Sender) : IAutoReceivedMessage;
