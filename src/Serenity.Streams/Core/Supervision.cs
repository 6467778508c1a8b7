using Serenity.Actors;

namespace Serenity.Streams;

/// <summary>Decides what a stage does when user code (a function given to an operator) throws.</summary>
public delegate Directive Decider(Exception cause);

/// <summary>
/// The standard deciders. <see cref="Directive.Stop"/> fails the stage (and so the graph) with the original
/// exception; <see cref="Directive.Resume"/> drops the element and goes on; <see cref="Directive.Restart"/>
/// drops the element and also resets the stage's accumulated state (Scan, Aggregate, Grouped...).
/// <see cref="Directive.Escalate"/> is treated as Stop.
/// </summary>
public static class Deciders
{
    /// <summary>Always stop: the default.</summary>
    public static readonly Decider StoppingDecider = static _ => Directive.Stop;

    /// <summary>Always resume.</summary>
    public static readonly Decider ResumingDecider = static _ => Directive.Resume;

    /// <summary>Always restart.</summary>
    public static readonly Decider RestartingDecider = static _ => Directive.Restart;
}

/// <summary>Attributes read by the stages themselves (supervision).</summary>
public static class ActorAttributes
{
    /// <summary>The supervision strategy of the stages inside the graph it is put on.</summary>
    public static Attributes CreateSupervisionStrategy(Decider decider) =>
        new(new SupervisionStrategy(decider ?? throw new ArgumentNullException(nameof(decider))));

    /// <summary>The decider in <paramref name="attributes"/>, or the stopping decider.</summary>
    public static Decider GetDecider(this Attributes attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return attributes.GetAttribute<SupervisionStrategy>()?.Decider ?? Deciders.StoppingDecider;
    }

    /// <summary>Supervision for user code in stages.</summary>
    public sealed record SupervisionStrategy(Decider Decider) : IAttribute;
}
