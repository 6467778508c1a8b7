using System.Collections.Concurrent;

namespace Serenity.Actors;

/// <summary>Children: creation with unique names, lookup, and stopping.</summary>
internal sealed partial class ActorCell
{
    private ConcurrentDictionary<string, ChildEntry>? _children;
    private long _childNameCounter;

    public IReadOnlyCollection<IActorRef> Children =>
        _children is { } c ? c.Values.Select(e => (IActorRef)e.Ref).ToArray() : [];

    public IActorRef Child(string name) => TryGetChild(name) ?? ActorRefs.Nobody;

    internal LocalActorRef? TryGetChild(string name) =>
        _children is { } c && c.TryGetValue(name, out var entry) ? entry.Ref : null;

    public IActorRef ActorOf(Props props, string? name = null) => MakeChild(props, name);

    /// <summary>Creates a child; callable from the actor itself or (for guardians) from any thread.</summary>
    internal LocalActorRef MakeChild(Props props, string? name)
    {
        ArgumentNullException.ThrowIfNull(props);
        name = name is null ? GeneratedName() : ActorNames.Validate(name);
        if (_terminating || IsClosed)
        {
            throw new InvalidOperationException($"Cannot create child [{name}]: {_self.Path} is stopping");
        }
        var children = _children ?? InitChildren();
        var cell = new ActorCell(_system, props, _self, _self.Path.Child(name, _system.NewUid()));
        var entry = new ChildEntry(cell.SelfRef);
        while (!children.TryAdd(name, entry))
        {
            // A child that has closed no longer holds its name, even before this actor has processed its
            // ChildTerminated: its watchers may already have seen Terminated and reuse the name at once.
            if (!children.TryGetValue(name, out var existing)) continue; // removed meanwhile: add again
            if (!existing.Ref.IsTerminated)
            {
                throw new InvalidActorNameException($"actor name [{name}] is not unique under {_self.Path}");
            }
            if (children.TryUpdate(name, entry, existing)) break;
        }
        cell.SendSystemMessage(new Create());
        return cell.SelfRef;
    }

    private ConcurrentDictionary<string, ChildEntry> InitChildren()
    {
        Interlocked.CompareExchange(ref _children, new ConcurrentDictionary<string, ChildEntry>(StringComparer.Ordinal), null);
        return _children!;
    }

    private string GeneratedName()
    {
        var n = (ulong)Interlocked.Increment(ref _childNameCounter);
        const string digits = "abcdefghijklmnopqrstuvwxyz0123456789";
        Span<char> buffer = stackalloc char[16];
        var i = buffer.Length;
        do
        {
            buffer[--i] = digits[(int)(n % 36)];
            n /= 36;
        }
        while (n > 0);
        buffer[--i] = '$';
        return new string(buffer[i..]);
    }

    /// <summary>Sends stop to every child; false if there were none.</summary>
    private bool StopAllChildren()
    {
        if (_children is not { IsEmpty: false } children) return false;
        foreach (var entry in children.Values)
        {
            entry.Stopping = true;
            entry.Ref.Cell.SendSystemMessage(new Terminate());
        }
        return true;
    }

    private bool HasChildren => _children is { IsEmpty: false };

    /// <summary>
    /// Children this actor has told to stop but whose stop is not yet confirmed: a restart waits for them,
    /// so their names are free again for the new instance.
    /// </summary>
    private bool HasChildrenStopping()
    {
        if (_children is null) return false;
        foreach (var entry in _children.Values)
        {
            if (entry.Stopping) return true;
        }
        return false;
    }

    private void MarkChildStopping(IActorRef actor)
    {
        if (_children is { } children && children.TryGetValue(actor.Path.Name, out var entry) && entry.Ref.Equals(actor))
        {
            entry.Stopping = true;
        }
    }

    private void OnChildTerminated(IActorRef child)
    {
        if (_children is { } children && children.TryGetValue(child.Path.Name, out var entry) && entry.Ref.Equals(child))
        {
            children.TryRemove(KeyValuePair.Create(child.Path.Name, entry)); // not a successor that took over the name
        }
        if (_terminating)
        {
            if (!HasChildren) FinishTerminate();
        }
        else if (_recreatePending is { } cause && !HasChildrenStopping())
        {
            FinishRecreate(cause);
        }
    }

    private void ForEachChild(Action<LocalActorRef> action)
    {
        if (_children is null) return;
        foreach (var entry in _children.Values) action(entry.Ref);
    }

    /// <summary>A child and its restart statistics.</summary>
    private sealed class ChildEntry(LocalActorRef actorRef)
    {
        public LocalActorRef Ref { get; } = actorRef;

        private ChildRestartStats? _stats;

        /// <summary>Created on the first restart: most children never fail.</summary>
        public ChildRestartStats Stats => _stats ??= new();

        public bool Stopping { get; set; }
    }
}

/// <summary>Actor name rules.</summary>
internal static class ActorNames
{
    /// <summary>Names are URI path segments: no '/', no leading '$' (reserved for generated names), not empty.</summary>
    public static string Validate(string name)
    {
        if (string.IsNullOrEmpty(name)) throw new InvalidActorNameException("actor name must not be empty");
        if (name[0] == '$') throw new InvalidActorNameException($"actor name [{name}] must not start with '$' (reserved)");
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "-_.*$+:@&=,!~';()%".Contains(c, StringComparison.Ordinal)))
            {
                throw new InvalidActorNameException($"actor name [{name}] contains the invalid character '{c}' (allowed: letters, digits and -_.*$+:@&=,!~';()%, so a percent-encoded id is a valid name)");
            }
        }
        return name;
    }
}
