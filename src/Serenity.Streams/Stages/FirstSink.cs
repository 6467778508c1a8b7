using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>Completes with the first element and cancels upstream (<c>Sink.First</c>, <c>Sink.FirstOrDefault</c>).</summary>
internal sealed class FirstSink<T>(bool orDefault) : GraphStageWithMaterializedValue<SinkShape<T>, Task<T>>
{
    public bool OrDefault { get; } = orDefault;

    public Inlet<T> In { get; } = new("FirstSink.in");

    public override SinkShape<T> Shape => new(In);

    public override LogicAndMaterializedValue<Task<T>> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var logic = new Logic(this);
        return new(logic, logic.Promise.Task);
    }

    private sealed class Logic(FirstSink<T> stage) : SinkLogic<T, T>(stage.Shape)
    {
        public override void OnPush() => Succeed(Grab(In));

        public override void OnUpstreamFinish()
        {
            if (stage.OrDefault) Succeed(default!);
            else
            {
                Promise.TrySetException(new InvalidOperationException("First of empty stream"));
                CompleteStage();
            }
        }
    }
}
