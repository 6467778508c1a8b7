using Serenity.Streams.Stage;

namespace Serenity.Streams.Implementation.Fusing;

/// <summary>Work for a stage that arrives from outside its interpreter: an async callback, a timer, a message.</summary>
internal abstract class AsyncEvent(GraphStageLogic logic)
{
    public GraphStageLogic Logic { get; } = logic;

    public abstract void Run();

    /// <summary>The event will never run (its stage or interpreter has stopped): settle anything waiting on it.</summary>
    public virtual void OnDropped()
    {
    }
}

/// <summary>An async callback's invocation with its argument.</summary>
internal sealed class AsyncEvent<T>(GraphStageLogic logic, Action<T> handler, T value) : AsyncEvent(logic)
{
    public override void Run() => handler(value);
}
