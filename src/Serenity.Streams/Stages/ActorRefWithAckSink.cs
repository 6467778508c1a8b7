using Serenity.Actors;
using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>
/// <c>Sink.ActorRefWithAck</c>: sends <c>onInit</c>, then each element, to an actor, one at a time: the
/// next element is pulled only after the actor replied <c>ack</c> to the sender of the previous message
/// (the stage's own ref). So the actor backpressures the stream. Completion sends <c>onComplete</c> (after
/// the last ack), a failure sends <c>onFailure(cause)</c>. If the actor terminates, the stream is cancelled.
/// </summary>
internal sealed class ActorRefWithAckSink<T>(IActorRef target, object onInit, object ack, object onComplete, Func<Exception, object> onFailure)
    : GraphStage<SinkShape<T>>
{
    public IActorRef Target { get; } = target ?? throw new ArgumentNullException(nameof(target));

    public object OnInit { get; } = onInit ?? throw new ArgumentNullException(nameof(onInit));

    public object Ack { get; } = ack ?? throw new ArgumentNullException(nameof(ack));

    public object OnComplete { get; } = onComplete ?? throw new ArgumentNullException(nameof(onComplete));

    public Func<Exception, object> OnFailure { get; } = onFailure ?? throw new ArgumentNullException(nameof(onFailure));

    public Inlet<T> In { get; } = new("ActorRefWithAckSink.in");

    public override SinkShape<T> Shape => new(In);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : InGraphStageLogic
    {
        private readonly ActorRefWithAckSink<T> _stage;
        private StageActor _self = null!;
        private bool _awaitingAck;
        private bool _completeAfterAck;

        public Logic(ActorRefWithAckSink<T> stage) : base(stage.Shape)
        {
            _stage = stage;
            SetHandler(stage.In, this);
        }

        public override void PreStart()
        {
            SetKeepGoing(true); // upstream may finish while an ack is still due
            _self = GetStageActor(Receive);
            _self.Watch(_stage.Target);
            _awaitingAck = true;
            _stage.Target.Tell(_stage.OnInit, _self.Ref);
        }

        public override void OnPush()
        {
            _awaitingAck = true;
            _stage.Target.Tell(Grab(_stage.In)!, _self.Ref);
        }

        public override void OnUpstreamFinish()
        {
            if (_awaitingAck) _completeAfterAck = true;
            else Finish();
        }

        public override void OnUpstreamFailure(Exception e)
        {
            _stage.Target.Tell(_stage.OnFailure(e), _self.Ref);
            FailStage(e);
        }

        private void Receive((IActorRef Sender, object Message) envelope)
        {
            if (envelope.Message is Terminated t && t.ActorRef.Equals(_stage.Target))
            {
                CancelStage(new WatchedActorTerminatedException($"Actor {_stage.Target.Path} that Sink.ActorRefWithAck sends to has terminated"));
                return;
            }
            if (!Equals(envelope.Message, _stage.Ack) || !_awaitingAck) return;
            _awaitingAck = false;
            if (_completeAfterAck) Finish();
            else if (!IsClosed(_stage.In)) Pull(_stage.In);
        }

        private void Finish()
        {
            _stage.Target.Tell(_stage.OnComplete, _self.Ref);
            CompleteStage();
        }

        public override void PostStop() => _self?.Unwatch(_stage.Target);
    }
}
