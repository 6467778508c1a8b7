using Serenity.Streams.Implementation.Fusing;
using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>
/// A sink logic that completes a task: with the result at upstream completion, with the failure at
/// upstream failure, and with <see cref="AbruptStageTerminationException"/> if the stage is stopped from
/// outside first. The task's continuations never run on the interpreter.
/// </summary>
internal abstract class SinkLogic<TIn, TResult> : InGraphStageLogic
{
    protected SinkLogic(SinkShape<TIn> shape) : base(shape)
    {
        In = shape.In;
        SetHandler(In, this);
        Trusted = true; // subclasses catch the user code they run
    }

    public TaskCompletionSource<TResult> Promise { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected Inlet<TIn> In { get; }

    /// <summary>The inlet's connection (from PreStart on): grab and pull through it on hot paths.</summary>
    private protected Connection<TIn> InConn { get; private set; } = null!;

    public override void PreStart()
    {
        InConn = InConnection(In);
        PullFrom(InConn);
    }

    public override void OnUpstreamFailure(Exception e)
    {
        Promise.TrySetException(e);
        FailStage(e);
    }

    public override void PostStop() => Promise.TrySetException(new AbruptStageTerminationException());

    protected void Succeed(TResult result)
    {
        Promise.TrySetResult(result);
        CompleteStage();
    }
}
