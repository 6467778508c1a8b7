using Serenity.Actors;

namespace Serenity.Streams.Stages;

/// <summary>Applies a <see cref="Decider"/> the way every supervised operator does.</summary>
internal static class SupervisionDirective
{
    /// <summary>What to do about <paramref name="e"/>: Escalate counts as Stop.</summary>
    public static Directive Decide(Decider decider, Exception e)
    {
        var directive = decider(e);
        return directive == Directive.Escalate ? Directive.Stop : directive;
    }
}
