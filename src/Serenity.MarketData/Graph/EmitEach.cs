using Serenity.Streams;
using Serenity.Streams.Stage;

namespace Serenity.MarketData.Graph;

/// <summary>Arrays in, their elements out one by one, in order (the parse step's frames back into messages).</summary>
internal sealed class EmitEach<T> : GraphStage<FlowShape<T[], T>>
{
    public Inlet<T[]> In { get; } = new("EmitEach.in");

    public Outlet<T> Out { get; } = new("EmitEach.out");

    public override FlowShape<T[], T> Shape => new(In, Out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly EmitEach<T> _stage;
        private T[] _current = [];
        private int _next;

        public Logic(EmitEach<T> stage) : base(stage.Shape)
        {
            _stage = stage;
            SetHandlers(stage.In, stage.Out, this);
        }

        public override void OnPush()
        {
            _current = Grab(_stage.In);
            _next = 0;
            OnPull();
        }

        public override void OnPull()
        {
            if (_next < _current.Length) Push(_stage.Out, _current[_next++]);
            else if (IsClosed(_stage.In)) CompleteStage();
            else Pull(_stage.In);
        }

        public override void OnUpstreamFinish()
        {
            if (_next >= _current.Length) CompleteStage();
        }
    }
}
