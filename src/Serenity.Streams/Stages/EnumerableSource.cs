using Serenity.Streams.Implementation.Fusing;
using Serenity.Streams.Stage;

namespace Serenity.Streams.Stages;

/// <summary>
/// Emits the elements of an enumerable, enumerated afresh by each materialization (<c>Source.From</c>).
/// Arrays and read-only lists are read by index (one call or none per element instead of two).
/// </summary>
internal sealed class EnumerableSource<T>(IEnumerable<T> items) : GraphStage<SourceShape<T>>
{
    private readonly IEnumerable<T> _items = items ?? throw new ArgumentNullException(nameof(items));

    public Outlet<T> Out { get; } = new("EnumerableSource.out");

    public override SourceShape<T> Shape => new(Out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : OutGraphStageLogic
    {
        private readonly EnumerableSource<T> _stage;
        private readonly Outlet<T> _out;
        private Connection<T> _outConn = null!;
        private T[]? _array;
        private IReadOnlyList<T>? _list;
        private int _count; // the list's count as last read: re-read only when the index reaches it
        private IEnumerator<T>? _enumerator;
        private int _index;

        public Logic(EnumerableSource<T> stage) : base(stage.Shape)
        {
            _stage = stage;
            _out = stage.Out;
            SetHandler(_out, this);
            Trusted = true;
        }

        public override void PreStart()
        {
            _outConn = OutConnection(_out);
            switch (_stage._items)
            {
                case T[] array:
                    _array = array;
                    break;
                case IReadOnlyList<T> list:
                    _list = list;
                    _count = list.Count;
                    break;
                default:
                    _enumerator = _stage._items.GetEnumerator();
                    break;
            }
        }

        public override void OnPull()
        {
            T next;
            try
            {
                if (_array is { } array)
                {
                    if ((uint)_index >= (uint)array.Length)
                    {
                        CompleteStage();
                        return;
                    }
                    next = array[_index++];
                }
                else if (_list is { } list)
                {
                    if (_index >= _count && _index >= (_count = list.Count))
                    {
                        CompleteStage();
                        return;
                    }
                    next = list[_index++];
                }
                else
                {
                    if (!_enumerator!.MoveNext())
                    {
                        CompleteStage();
                        return;
                    }
                    next = _enumerator.Current;
                }
            }
            catch (Exception e)
            {
                FailStage(e);
                return;
            }
            PushTo(_outConn, next);
        }

        public override void PostStop() => _enumerator?.Dispose();

        // Sealed class: OnPull binds statically and inlines (one virtual call per element instead of two).
        internal override void HandlePull(Connection c)
        {
            if (ReferenceEquals(c.OutHandler, this)) OnPull();
            else c.OutHandler.OnPull();
        }
    }
}
