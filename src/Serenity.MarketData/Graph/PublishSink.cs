using Serenity.Streams;
using Serenity.Streams.Stage;

namespace Serenity.MarketData.Graph;

/// <summary>
/// Runs an action per element and completes a task it was given when the stream ends: a side branch
/// (AlsoTo) keeps no materialized value, so its completion has to come out this way.
/// </summary>
internal sealed class PublishSink<T>(Action<T> publish, TaskCompletionSource done) : GraphStage<SinkShape<T>>
{
    public Inlet<T> In { get; } = new("PublishSink.in");

    public override SinkShape<T> Shape => new(In);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : InGraphStageLogic
    {
        private readonly PublishSink<T> _stage;

        public Logic(PublishSink<T> stage) : base(stage.Shape)
        {
            _stage = stage;
            SetHandler(stage.In, this);
        }

        public override void PreStart() => Pull(_stage.In);

        public override void OnPush()
        {
            _stage.Publish(Grab(_stage.In));
            Pull(_stage.In);
        }

        public override void OnUpstreamFinish()
        {
            _stage.Done.TrySetResult();
            CompleteStage();
        }

        public override void OnUpstreamFailure(Exception e)
        {
            _stage.Done.TrySetException(e);
            FailStage(e);
        }

        public override void PostStop() => _stage.Done.TrySetResult(); // cancelled: nothing more will come
    }

    private Action<T> Publish { get; } = publish;

    private TaskCompletionSource Done { get; } = done;
}
