using Serenity.Actors;

namespace Serenity.Persistence.Tests.Contract;

/// <summary>A persistent counter: "increment" persists <see cref="Incremented"/> and answers the new count; "get" answers the count.</summary>
internal sealed class Counter : ReceivePersistentActor
{
    private int _count;

    public Counter(string persistenceId)
    {
        PersistenceId = persistenceId;
        Recover<Incremented>(e => _count += e.By);
        Command<string>(_ => Persist(new Incremented(1), e =>
        {
            _count += e.By;
            Sender.Tell(_count, Self);
        }), s => s == "increment");
        Command<string>(_ => Sender.Tell(_count, Self), s => s == "get");
    }

    public override string PersistenceId { get; }

    public static Props Props(string persistenceId) => Actors.Props.Create(() => new Counter(persistenceId));
}
