using Serenity.Streams.Implementation.Fusing;

namespace Serenity.Streams.Stage;

/// <summary>
/// Receives the signals of an inlet. The defaults stop the stage: completion completes it, a failure
/// fails it with the same exception.
/// </summary>
public interface IInHandler
{
    /// <summary>An element arrived: <c>Grab</c> it.</summary>
    void OnPush();

    /// <summary>Upstream completed; no more elements will arrive.</summary>
    void OnUpstreamFinish() => CurrentStage().CompleteStage();

    /// <summary>Upstream failed.</summary>
    void OnUpstreamFailure(Exception e) => CurrentStage().FailStage(e);

    internal static GraphStageLogic CurrentStage() =>
        GraphInterpreter.Current?.ActiveStage ?? throw new InvalidOperationException("A handler's default can only run inside a stream interpreter");
}

/// <summary>Receives the signals of an outlet. The default stops the stage when downstream cancels.</summary>
public interface IOutHandler
{
    /// <summary>Downstream asks for an element: <c>Push</c> one (now or later).</summary>
    void OnPull();

    /// <summary>Downstream cancelled; <paramref name="cause"/> says whether because of a failure.</summary>
    void OnDownstreamFinish(Exception cause) => IInHandler.CurrentStage().CancelStage(cause);
}

/// <summary>An in-handler made of delegates.</summary>
internal sealed class LambdaInHandler(GraphStageLogic logic, Action onPush, Action? onUpstreamFinish, Action<Exception>? onUpstreamFailure) : IInHandler
{
    public void OnPush() => onPush();

    public void OnUpstreamFinish()
    {
        if (onUpstreamFinish is null) logic.CompleteStage();
        else onUpstreamFinish();
    }

    public void OnUpstreamFailure(Exception e)
    {
        if (onUpstreamFailure is null) logic.FailStage(e);
        else onUpstreamFailure(e);
    }
}

/// <summary>An out-handler made of delegates.</summary>
internal sealed class LambdaOutHandler(GraphStageLogic logic, Action onPull, Action<Exception>? onDownstreamFinish) : IOutHandler
{
    public void OnPull() => onPull();

    public void OnDownstreamFinish(Exception cause)
    {
        if (onDownstreamFinish is null) logic.CancelStage(cause);
        else onDownstreamFinish(cause);
    }
}

/// <summary>The handler an outlet needs when it will never be pulled (placeholders): ignores everything.</summary>
public sealed class EagerTerminateOutput : IOutHandler
{
    /// <summary>The one instance.</summary>
    public static readonly EagerTerminateOutput Instance = new();

    private EagerTerminateOutput()
    {
    }

    /// <inheritdoc />
    public void OnPull()
    {
    }
}

/// <summary>A logic with one inlet handled by itself.</summary>
public abstract class InGraphStageLogic(Shape shape) : GraphStageLogic(shape), IInHandler
{
    internal override void HandlePush(Connection c)
    {
        if (ReferenceEquals(c.InHandler, this)) OnPush();
        else c.InHandler.OnPush();
    }

    /// <inheritdoc />
    public abstract void OnPush();

    /// <inheritdoc />
    public virtual void OnUpstreamFinish() => CompleteStage();

    /// <inheritdoc />
    public virtual void OnUpstreamFailure(Exception e) => FailStage(e);
}

/// <summary>A logic with one outlet handled by itself.</summary>
public abstract class OutGraphStageLogic(Shape shape) : GraphStageLogic(shape), IOutHandler
{
    internal override void HandlePull(Connection c)
    {
        if (ReferenceEquals(c.OutHandler, this)) OnPull();
        else c.OutHandler.OnPull();
    }

    /// <inheritdoc />
    public abstract void OnPull();

    /// <inheritdoc />
    public virtual void OnDownstreamFinish(Exception cause) => CancelStage(cause);
}

/// <summary>A logic that handles its inlet and outlet itself (the usual shape of a linear operator).</summary>
public abstract class InAndOutGraphStageLogic(Shape shape) : GraphStageLogic(shape), IInHandler, IOutHandler
{
    internal override void HandlePush(Connection c)
    {
        if (ReferenceEquals(c.InHandler, this)) OnPush();
        else c.InHandler.OnPush();
    }

    internal override void HandlePull(Connection c)
    {
        if (ReferenceEquals(c.OutHandler, this)) OnPull();
        else c.OutHandler.OnPull();
    }

    /// <inheritdoc />
    public abstract void OnPush();

    /// <inheritdoc />
    public virtual void OnUpstreamFinish() => CompleteStage();

    /// <inheritdoc />
    public virtual void OnUpstreamFailure(Exception e) => FailStage(e);

    /// <inheritdoc />
    public abstract void OnPull();

    /// <inheritdoc />
    public virtual void OnDownstreamFinish(Exception cause) => CancelStage(cause);
}
