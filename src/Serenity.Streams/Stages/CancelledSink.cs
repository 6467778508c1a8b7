using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>Cancels at once (<c>Sink.Cancelled</c>).</summary>
internal sealed class CancelledSink<T> : GraphStage<SinkShape<T>>
{
    public Inlet<T> In { get; } = new("CancelledSink.in");

    public override SinkShape<T> Shape => new(In);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : InGraphStageLogic
    {
        public Logic(CancelledSink<T> stage) : base(stage.Shape) => SetHandler(stage.In, this);

        public override void PreStart() => CompleteStage();

        public override void OnPush()
        {
        }
    }
}
