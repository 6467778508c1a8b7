using Serenity.Actors;
using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>Runs an action for each element; the task completes with the stream (<c>Sink.ForEach</c>, <c>Sink.Ignore</c>).</summary>
internal sealed class ForEachSink<T>(Action<T>? action) : GraphStageWithMaterializedValue<SinkShape<T>, Task>
{
    public Action<T>? Action { get; } = action;

    public Inlet<T> In { get; } = new("ForEachSink.in");

    public override SinkShape<T> Shape => new(In);

    public override LogicAndMaterializedValue<Task> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var logic = new Logic(this, inheritedAttributes.GetDecider());
        return new(logic, logic.Promise.Task);
    }

    private sealed class Logic(ForEachSink<T> stage, Decider decider) : SinkLogic<T, bool>(stage.Shape)
    {
        public override void OnPush()
        {
            var element = Grab(In);
            if (stage.Action is { } action)
            {
                try
                {
                    action(element);
                }
                catch (Exception e)
                {
                    if (SupervisionDirective.Decide(decider, e) == Directive.Stop)
                    {
                        Promise.TrySetException(e);
                        FailStage(e);
                        return;
                    }
                }
            }
            Pull(In);
        }

        public override void OnUpstreamFinish() => Succeed(true);
    }
}
