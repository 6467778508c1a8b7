namespace Serenity.Actors;

/// <summary>
/// The root guardian (<c>/</c>): on shutdown it stops <c>/user</c> first, and once that is gone stops
/// itself, which stops <c>/system</c> last (so logging and kernel actors outlive user actors).
/// A guardian that fails is stopped, which also ends the system.
/// </summary>
internal sealed class RootGuardian : ActorBase
{
    protected override void PreStart() => Context.Watch(Context.Child("user"));

    protected internal override bool Receive(object message)
    {
        switch (message)
        {
            case StopUserGuardian:
                Context.Stop(Context.Child("user"));
                return true;
            case Terminated t when t.ActorRef.Path.Name == "user":
                Context.Stop(Self);
                return true;
            default:
                return false;
        }
    }

    protected override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.StoppingStrategy;

    internal sealed class StopUserGuardian
    {
        public static readonly StopUserGuardian Instance = new();
    }
}

/// <summary>The <c>/user</c> and <c>/system</c> guardians: parents of top-level actors, restarting them on failure.</summary>
internal sealed class Guardian : ActorBase
{
    protected internal override bool Receive(object message) => false;
}
