namespace Serenity.Actors;

/// <summary>
/// Actors addressed by path instead of by ref: <c>/user/a/b</c>, relative <c>../sibling</c>, or with
/// <c>*</c> and <c>?</c> wildcards. The path is resolved at each Tell, so it reaches whatever lives there
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
        var matches = Resolve();
        if (matches.Count == 0)
        {
            if (message is Identify identify) sender?.Tell(new ActorIdentity(identify.MessageId, null), null);
            else System.DeadLetter(message, sender, System.DeadLetters);
            return;
        }
        foreach (var m in matches) m.Tell(message, sender);
    }

    /// <summary>The one actor at this path, or <see cref="ActorNotFoundException"/>.</summary>
    public Task<IActorRef> ResolveOne(TimeSpan timeout)
    {
        var matches = Resolve();
        return matches.Count > 0
            ? Task.FromResult<IActorRef>(matches[0])
            : Task.FromException<IActorRef>(new ActorNotFoundException($"No actor found at {Describe()} (waited up to {timeout})"));
    }

    /// <summary>Every live actor the path currently matches.</summary>
    internal IReadOnlyList<LocalActorRef> Resolve()
    {
        var current = new List<LocalActorRef> { _anchor };
        foreach (var element in _elements)
        {
            var next = new List<LocalActorRef>();
            foreach (var at in current)
            {
                if (element == "..")
                {
                    if (at.Cell.ParentRef is LocalActorRef parent) next.Add(parent);
                }
                else if (element.Contains('*', StringComparison.Ordinal) || element.Contains('?', StringComparison.Ordinal))
                {
                    foreach (var child in at.Cell.Children)
                    {
                        if (Wildcard.Matches(element, child.Path.Name)) next.Add((LocalActorRef)child);
                    }
                }
                else if (element != "." && at.Cell.TryGetChild(element) is { } child)
                {
                    next.Add(child);
                }
                else if (element == ".")
                {
                    next.Add(at);
                }
            }
            current = next;
        }
        current.RemoveAll(r => r.IsTerminated);
        return current;
    }

    /// <inheritdoc />
    public override string ToString() => $"ActorSelection[{Describe()}]";

    private static class Wildcard
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
