namespace Serenity.Streams.Stage;

/// <summary>Emitting: push now if possible, else as soon as downstream pulls.</summary>
public abstract partial class GraphStageLogic
{
    /// <summary>
    /// Pushes <paramref name="element"/> now if <paramref name="outlet"/> is available, else when it is pulled
    /// (temporarily replacing its handler); then runs <paramref name="andThen"/>. Emissions queue up in
    /// order, and a <c>Complete</c> of the outlet waits for them.
    /// </summary>
    protected void Emit<T>(Outlet<T> outlet, T element, Action? andThen = null)
    {
        if (OutHandlers[outlet.Id] is not Emitting<T> && IsAvailable(outlet))
        {
            Push(outlet, element);
            andThen?.Invoke();
            return;
        }
        EmittingFor(outlet).Add(element, andThen);
    }

    /// <summary>Emits every element of <paramref name="elements"/> in order, then runs <paramref name="andThen"/>.</summary>
    protected void EmitMultiple<T>(Outlet<T> outlet, IEnumerable<T> elements, Action? andThen = null)
    {
        ArgumentNullException.ThrowIfNull(elements);
        using var e = elements.GetEnumerator();
        var any = false;
        while (e.MoveNext())
        {
            any = true;
            Emit(outlet, e.Current);
        }
        if (andThen is null) return;
        if (!any || OutHandlers[outlet.Id] is not Emitting<T> emitting) andThen();
        else emitting.AddAction(andThen);
    }

    private Emitting<T> EmittingFor<T>(Outlet<T> outlet)
    {
        if (OutHandlers[outlet.Id] is Emitting<T> existing) return existing;
        var emitting = new Emitting<T>(this, outlet, GetHandler(outlet));
        SetHandler(outlet, emitting);
        return emitting;
    }

    /// <summary>Completion of an outlet that still has emissions queued waits for them.</summary>
    private bool DeferCompletion(Outlet outlet)
    {
        if (OutHandlers[outlet.Id] is not IEmitting emitting) return false;
        emitting.CompleteWhenDone = true;
        return true;
    }

    private interface IEmitting
    {
        bool CompleteWhenDone { get; set; }
    }

    private sealed class Emitting<T>(GraphStageLogic logic, Outlet<T> outlet, IOutHandler previous) : IOutHandler, IEmitting
    {
        private readonly Queue<(bool IsElement, T Element, Action? Then)> _queue = new();

        public bool CompleteWhenDone { get; set; }

        public void Add(T element, Action? andThen) => _queue.Enqueue((true, element, andThen));

        public void AddAction(Action action) => _queue.Enqueue((false, default!, action));

        public void OnPull()
        {
            var (_, element, then) = _queue.Dequeue();
            logic.Push(outlet, element);
            then?.Invoke();
            // Actions queued behind the element run now: they wait for the element, not for demand.
            while (_queue.TryPeek(out var next) && !next.IsElement)
            {
                _queue.Dequeue();
                next.Then!();
            }
            if (_queue.Count > 0) return;
            if (ReferenceEquals(logic.OutHandlers[outlet.Id], this)) logic.SetHandler(outlet, previous);
            if (CompleteWhenDone) logic.Complete(outlet);
        }

        public void OnDownstreamFinish(Exception cause) => previous.OnDownstreamFinish(cause);
    }
}
