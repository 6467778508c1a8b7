using Serenity.Streams;
using Serenity.Streams.Stage;

namespace Serenity.MarketData.Graph;

/// <summary>
/// A source stage over an <see cref="IAsyncEnumerable{T}"/> (a feed): each pull takes the next element;
/// an element already there is pushed synchronously, a pending one arrives through an async callback.
/// Cancelling downstream cancels the enumeration.
/// </summary>
internal sealed class FeedSource<T>(Func<CancellationToken, IAsyncEnumerable<T>> open) : GraphStage<SourceShape<T>>
{
    public Outlet<T> Out { get; } = new("FeedSource.out");

    public override SourceShape<T> Shape => new(Out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this, open);

    private sealed class Logic : OutGraphStageLogic
    {
        private readonly FeedSource<T> _stage;
        private readonly Func<CancellationToken, IAsyncEnumerable<T>> _open;
        private readonly CancellationTokenSource _cancel = new();
        private IAsyncEnumerator<T>? _enumerator;
        private Action<ValueTask<bool>>? _onMoved;

        public Logic(FeedSource<T> stage, Func<CancellationToken, IAsyncEnumerable<T>> open) : base(stage.Shape)
        {
            _stage = stage;
            _open = open;
            SetHandler(stage.Out, this);
        }

        public override void PreStart()
        {
            _onMoved = GetAsyncCallback<ValueTask<bool>>(Moved);
            _enumerator = _open(_cancel.Token).GetAsyncEnumerator(_cancel.Token);
        }

        public override void OnPull()
        {
            ValueTask<bool> move;
            try
            {
                move = _enumerator!.MoveNextAsync();
            }
            catch (Exception e)
            {
                FailStage(e);
                return;
            }
            if (move.IsCompleted) Moved(move);
            else
            {
                var task = move.AsTask();
                task.ContinueWith(t => _onMoved!(new ValueTask<bool>(t)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }

        public override void PostStop()
        {
            _cancel.Cancel();
            _ = DisposeAsync();
        }

        private void Moved(ValueTask<bool> move)
        {
            bool more;
            try
            {
                more = move.Result;
            }
            catch (Exception e) when (e is OperationCanceledException && _cancel.IsCancellationRequested)
            {
                CompleteStage();
                return;
            }
            catch (Exception e)
            {
                FailStage(e is AggregateException { InnerException: { } inner } ? inner : e);
                return;
            }
            if (more) Push(_stage.Out, _enumerator!.Current);
            else CompleteStage();
        }

        private async Task DisposeAsync()
        {
            try
            {
                if (_enumerator is not null) await _enumerator.DisposeAsync();
            }
            catch (Exception)
            {
                // The feed is going away; nothing is waiting for it.
            }
            finally
            {
                _cancel.Dispose();
            }
        }
    }
}
