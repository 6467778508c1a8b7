using System.Text;

namespace Serenity.Actors;

/// <summary>Where an actor system lives: <c>serenity://system</c> in process, with host and port once remote.</summary>
public sealed record Address(string Protocol, string System, string? Host = null, int? Port = null)
{
    /// <summary>The protocol every Serenity path starts with.</summary>
    public const string DefaultProtocol = "serenity";

    /// <inheritdoc />
    public override string ToString() =>
        Host is null ? $"{Protocol}://{System}" : $"{Protocol}://{System}@{Host}:{Port}";
}

/// <summary>
/// The logical location of an actor, Akka-style: <c>serenity://system/user/parent/child</c>.
/// Paths are a parent chain, so creating a child costs one small object; the text is built on demand.
/// </summary>
public abstract class ActorPath : IEquatable<ActorPath>
{
    private protected ActorPath(string name, long uid)
    {
        Name = name;
        Uid = uid;
    }

    /// <summary>The last element of the path.</summary>
    public string Name { get; }

    /// <summary>The incarnation: a new actor under a reused name gets a new uid. Not part of equality.</summary>
    public long Uid { get; }

    /// <summary>The system's address.</summary>
    public abstract Address Address { get; }

    /// <summary>The parent's path; the root's parent is itself.</summary>
    public abstract ActorPath Parent { get; }

    /// <summary>How many elements below the root.</summary>
    public abstract int Depth { get; }

    /// <summary>The root path of this address.</summary>
    public ActorPath Root
    {
        get
        {
            var p = this;
            while (p.Depth > 0) p = p.Parent;
            return p;
        }
    }

    /// <summary>The path elements below the root, e.g. <c>["user", "a", "b"]</c>.</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var list = new string[Depth];
            var p = this;
            for (var i = Depth - 1; i >= 0; i--)
            {
                list[i] = p.Name;
                p = p.Parent;
            }
            return list;
        }
    }

    /// <summary>A child path under this one.</summary>
    public ActorPath Child(string name, long uid = 0) => new ChildActorPath(this, name, uid);

    /// <summary>Same as <see cref="Child(string, long)"/>.</summary>
    public static ActorPath operator /(ActorPath parent, string name) => parent.Child(name);

    /// <summary>The path without the address: <c>/user/a/b</c>.</summary>
    public string ToStringWithoutAddress()
    {
        if (Depth == 0) return "/";
        var sb = new StringBuilder();
        foreach (var e in Elements) sb.Append('/').Append(e);
        return sb.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Address + (Depth == 0 ? "/" : ToStringWithoutAddress());

    /// <summary>Equality by address and elements, ignoring the uid (as Akka's paths).</summary>
    public bool Equals(ActorPath? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other.Depth != Depth) return false;
        ActorPath a = this, b = other;
        while (a.Depth > 0)
        {
            if (!string.Equals(a.Name, b.Name, StringComparison.Ordinal)) return false;
            a = a.Parent;
            b = b.Parent;
        }
        return a.Address == b.Address;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActorPath p && Equals(p);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        for (var p = this; p.Depth > 0; p = p.Parent) h.Add(p.Name, StringComparer.Ordinal);
        return h.ToHashCode();
    }

    /// <summary>Parses <c>serenity://system/user/a</c> into an address and elements.</summary>
    public static bool TryParse(string text, out Address? address, out IReadOnlyList<string> elements)
    {
        address = null;
        elements = [];
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0) return false;
        var rest = text[(schemeEnd + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        if (authority.Length == 0) return false;
        string system = authority;
        string? host = null;
        int? port = null;
        var at = authority.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            system = authority[..at];
            var hostPort = authority[(at + 1)..];
            var colon = hostPort.LastIndexOf(':');
            if (colon < 0 || !int.TryParse(hostPort[(colon + 1)..], out var p)) return false;
            host = hostPort[..colon];
            port = p;
        }
        address = new Address(text[..schemeEnd], system, host, port);
        elements = slash < 0 ? [] : rest[(slash + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        return true;
    }
}

/// <summary>The root of an address: <c>serenity://system/</c>.</summary>
public sealed class RootActorPath : ActorPath
{
    /// <summary>Creates the root path of <paramref name="address"/>.</summary>
    public RootActorPath(Address address) : base("/", 0) => Address = address;

    /// <inheritdoc />
    public override Address Address { get; }

    /// <inheritdoc />
    public override ActorPath Parent => this;

    /// <inheritdoc />
    public override int Depth => 0;
}

/// <summary>A path below the root.</summary>
public sealed class ChildActorPath : ActorPath
{
    private readonly ActorPath _parent;

    /// <summary>Creates <paramref name="parent"/>/<paramref name="name"/>.</summary>
    public ChildActorPath(ActorPath parent, string name, long uid) : base(name, uid)
    {
        _parent = parent;
        Depth = parent.Depth + 1;
    }

    /// <inheritdoc />
    public override Address Address => _parent.Address;

    /// <inheritdoc />
    public override ActorPath Parent => _parent;

    /// <inheritdoc />
    public override int Depth { get; }
}
