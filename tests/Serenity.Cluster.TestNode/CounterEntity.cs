using Serenity.Actors;
using Serenity.Persistence;

namespace Serenity.Cluster.TestNode;

/// <summary>An order-like persistent entity: idempotent commands, persist before reply, answers with the node it runs on.</summary>
public sealed class CounterEntity : ReceivePersistentActor
{
    /// <summary>The entity type's name in sharding.</summary>
    public const string TypeName = "counter";

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private long _total;

    /// <summary>Creates the entity <paramref name="id"/> on <paramref name="node"/>.</summary>
    public CounterEntity(string id, string node)
    {
        PersistenceId = "counter-" + id;
        Recover<CounterAdded>(Apply);
        Command<Add>(add =>
        {
            if (_seen.Contains(add.CommandId))
            {
                Sender.Tell(new Added(add.CommandId, _total, node));
                return;
            }
            Persist(new CounterAdded(add.CommandId, add.Amount, node), e =>
            {
                Apply(e);
                Sender.Tell(new Added(e.CommandId, _total, node));
            });
        });
        Command<GetTotal>(_ => Sender.Tell(new Total(_total, _seen.Count, node)));
    }

    /// <inheritdoc />
    public override string PersistenceId { get; }

    private void Apply(CounterAdded e)
    {
        if (_seen.Add(e.CommandId)) _total += e.Amount;
    }
}
