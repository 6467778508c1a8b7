using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>Completes at once (<c>Source.Empty</c>) or fails at once with a given exception (<c>Source.Failed</c>).</summary>
internal sealed class TerminatedSource<T>(Exception? failure) : GraphStage<SourceShape<T>>
{
    public Exception? Failure { get; } = failure;

    public Outlet<T> Out { get; } = new(failure is null ? "EmptySource.out" : "FailedSource.out");

    public override SourceShape<T> Shape => new(Out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : OutGraphStageLogic
    {
        private readonly Exception? _failure;

        public Logic(TerminatedSource<T> stage) : base(stage.Shape)
        {
            _failure = stage.Failure;
            SetHandler(stage.Out, this);
        }

        public override void PreStart()
        {
            if (_failure is null) CompleteStage();
            else FailStage(_failure);
        }

        public override void OnPull()
        {
        }
    }
}

/// <summary>Emits the same element forever (<c>Source.Repeat</c>).</summary>
internal sealed class RepeatSource<T>(T element) : GraphStage<SourceShape<T>>
{
    public T Element { get; } = element;

    public Outlet<T> Out { get; } = new("RepeatSource.out");

    public override SourceShape<T> Shape => new(Out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : OutGraphStageLogic
    {
        private readonly RepeatSource<T> _stage;

        public Logic(RepeatSource<T> stage) : base(stage.Shape)
        {
            _stage = stage;
            SetHandler(stage.Out, this);
        }

        public override void OnPull() => Push(_stage.Out, _stage.Element);
    }
}

/// <summary>Never emits and never completes, until cancelled (<c>Source.Never</c>).</summary>
internal sealed class NeverSource<T> : GraphStage<SourceShape<T>>
{
    public Outlet<T> Out { get; } = new("NeverSource.out");

    public override SourceShape<T> Shape => new(Out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : OutGraphStageLogic
    {
        public Logic(NeverSource<T> stage) : base(stage.Shape) => SetHandler(stage.Out, this);

        public override void OnPull()
        {
        }
    }
}
