using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>Collects every element; the task completes with the list when upstream completes (<c>Sink.Seq</c>).</summary>
internal sealed class SeqSink<T> : GraphStageWithMaterializedValue<SinkShape<T>, Task<IReadOnlyList<T>>>
{
    public Inlet<T> In { get; } = new("SeqSink.in");

    public override SinkShape<T> Shape => new(In);

    public override LogicAndMaterializedValue<Task<IReadOnlyList<T>>> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var logic = new Logic(Shape);
        return new(logic, logic.Promise.Task);
    }

    private sealed class Logic(SinkShape<T> shape) : SinkLogic<T, IReadOnlyList<T>>(shape)
    {
        private readonly List<T> _items = [];

        public override void OnPush()
        {
            _items.Add(Grab(In));
            Pull(In);
        }

        public override void OnUpstreamFinish() => Succeed(_items);
    }
}
