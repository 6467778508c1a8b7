using System.Text.Json.Serialization;
using Serenity.Actors;

namespace Serenity.Cluster.TestNode;

/// <summary>Adds <paramref name="Amount"/> once per <paramref name="CommandId"/> (a redelivered command has no second effect).</summary>
public sealed record Add(string CommandId, int Amount);

/// <summary>The command is durable; <paramref name="Node"/> handled it.</summary>
public sealed record Added(string CommandId, long Total, string Node);

/// <summary>Asks for the total.</summary>
public sealed record GetTotal(string Nonce);

/// <summary>The total, the number of distinct commands, and the node that answered.</summary>
public sealed record Total(long Value, int Commands, string Node);

/// <summary>The event: a command applied on <paramref name="Node"/>.</summary>
public sealed record CounterAdded(string CommandId, int Amount, string Node);

/// <summary>A pub/sub message.</summary>
public sealed record News(string Text);

/// <summary>Asks the singleton where it runs.</summary>
public sealed record WhereAreYou(string Nonce);

/// <summary>The singleton runs on <paramref name="Node"/>.</summary>
public sealed record SingletonAt(string Node);

[JsonSerializable(typeof(WhereAreYou))]
[JsonSerializable(typeof(SingletonAt))]
[JsonSerializable(typeof(Add))]
[JsonSerializable(typeof(Added))]
[JsonSerializable(typeof(GetTotal))]
[JsonSerializable(typeof(Total))]
[JsonSerializable(typeof(CounterAdded))]
[JsonSerializable(typeof(News))]
internal sealed partial class CounterJsonContext : JsonSerializerContext;

/// <summary>Registers the counter's commands, replies and events (the journal and the cluster share the registry).</summary>
public static class CounterSerialization
{
    /// <summary>Registers every counter type.</summary>
    public static void Register(ActorSystem system)
    {
        var s = Persistence.Persistence.Get(system).Serialization;
        var c = CounterJsonContext.Default;
        s.Register("test.counter.add.v1", c.Add);
        s.Register("test.counter.added.v1", c.Added);
        s.Register("test.counter.get-total.v1", c.GetTotal);
        s.Register("test.counter.total.v1", c.Total);
        s.Register("test.counter.counter-added.v1", c.CounterAdded);
        s.Register("test.news.v1", c.News);
        s.Register("test.singleton.where.v1", c.WhereAreYou);
        s.Register("test.singleton.at.v1", c.SingletonAt);
    }
}
