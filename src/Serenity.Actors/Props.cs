namespace Serenity.Actors;

/// <summary>
/// An immutable recipe for an actor: how to construct it, and which mailbox, dispatcher and
/// supervisor strategy (for its children) it uses. Safe to share and to create many actors from.
/// </summary>
public sealed class Props
{
    private Props(Type actorType, Func<ActorBase> factory)
    {
        ActorType = actorType;
        Factory = factory;
    }

    /// <summary>The actor's class.</summary>
    public Type ActorType { get; }

    internal Func<ActorBase> Factory { get; }

    /// <summary>Mailbox: null means the configured default (unbounded).</summary>
    public MailboxSettings? Mailbox { get; private init; }

    /// <summary>Mailbox by config path (e.g. <c>bounded-mailbox</c> under <c>serenity.actor.mailboxes</c>).</summary>
    public string? MailboxId { get; private init; }

    /// <summary>Dispatcher by config path; null means <c>serenity.actor.default-dispatcher</c>.</summary>
    public string? Dispatcher { get; private init; }

    /// <summary>Overrides the actor's own <see cref="ActorBase.SupervisorStrategy"/>.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; private init; }

    /// <summary>Props for an actor with a parameterless constructor.</summary>
    public static Props Create<TActor>() where TActor : ActorBase, new() => new(typeof(TActor), static () => new TActor());

    /// <summary>Props from a factory, e.g. <c>Props.Create(() => new Ticker(symbol))</c>.</summary>
    public static Props Create<TActor>(Func<TActor> factory) where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(typeof(TActor), factory);
    }

    /// <summary>Props from a type and constructor arguments (resolved by reflection at creation).</summary>
    public static Props Create(Type actorType, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(actorType);
        if (!typeof(ActorBase).IsAssignableFrom(actorType))
        {
            throw new ArgumentException($"{actorType} is not an actor (it does not derive from ActorBase)", nameof(actorType));
        }
        return new Props(actorType, () => (ActorBase)Activator.CreateInstance(actorType, args)!);
    }

    /// <summary>A copy with a bounded mailbox: when full, new messages go to dead letters.</summary>
    public Props WithBoundedMailbox(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        return With(mailbox: new MailboxSettings(capacity));
    }

    /// <summary>A copy using the mailbox configured at <c>serenity.actor.mailboxes.{id}</c>.</summary>
    public Props WithMailbox(string id) => new(ActorType, Factory)
    {
        Mailbox = null, MailboxId = id, Dispatcher = Dispatcher, SupervisorStrategy = SupervisorStrategy,
    };

    /// <summary>A copy using the dispatcher configured at the given path.</summary>
    public Props WithDispatcher(string id) => With(dispatcher: id);

    /// <summary>A copy with this strategy for the actor's children.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy) => With(strategy: strategy);

    private Props With(MailboxSettings? mailbox = null, string? dispatcher = null, SupervisorStrategy? strategy = null) =>
        new(ActorType, Factory)
        {
            Mailbox = mailbox ?? Mailbox,
            MailboxId = mailbox is null ? MailboxId : null,
            Dispatcher = dispatcher ?? Dispatcher,
            SupervisorStrategy = strategy ?? SupervisorStrategy,
        };

    /// <inheritdoc />
    public override string ToString() => $"Props({ActorType.Name})";
}

/// <summary>Mailbox shape: unbounded (null capacity) or bounded.</summary>
public sealed record MailboxSettings(int? Capacity)
{
    /// <summary>The default, unbounded mailbox.</summary>
    public static readonly MailboxSettings Unbounded = new((int?)null);
}
