namespace Serenity.Actors;

/// <summary>Request-response over Tell: Akka's <c>Ask</c>.</summary>
public static class Futures
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary sender and completes with the first reply.
    /// A <see cref="Status.Failure"/> reply fails the task with its cause; no reply within
    /// <paramref name="timeout"/> (default <c>serenity.actor.ask-timeout</c>) fails it with
    /// <see cref="AskTimeoutException"/>; so does asking an actor that is already dead.
    /// </summary>
    public static Task<T> Ask<T>(this ICanTell receiver, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        return AskIn<T>(SystemOf(receiver), receiver, message, timeout, cancellationToken);
    }

    /// <summary><see cref="Ask{T}"/> of a receiver that is no actor ref but knows its system (its clock and ask timeout apply).</summary>
    internal static Task<T> AskIn<T>(ActorSystem? actorSystem, ICanTell receiver, object message, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        var system = actorSystem as ActorSystemImpl;
        var clock = system?.Clock ?? TimeProvider.System;
        var limit = timeout ?? system?.Settings.AskTimeout ?? TimeSpan.FromSeconds(10);
        if (receiver is IInternalActorRef { IsTerminated: true } dead)
        {
            return Task.FromException<T>(new AskTimeoutException($"Recipient {dead.Path} had already been terminated. Message type [{message.GetType().Name}]"));
        }
        var promise = new PromiseActorRef<T>(system, receiver, message, clock, limit, cancellationToken);
        receiver.Tell(message, promise);
        if (Dispatcher.InTurn) Dispatcher.FlushHandOff();
        Dispatcher.FlushWakeUps(); // the answer may depend on a mailbox this thread has woken but not queued yet
        return promise.Task;
    }

    /// <summary>Untyped <see cref="Ask{T}"/>.</summary>
    public static Task<object> Ask(this ICanTell receiver, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        receiver.Ask<object>(message, timeout, cancellationToken);

    private static ActorSystemImpl? SystemOf(ICanTell receiver) => receiver switch
    {
        LocalActorRef local => local.Cell.SystemImpl,
        ActorSelection selection => selection.System,
        _ => ActorCell.Current?.SystemImpl,
    };
}

/// <summary>The temporary sender of an Ask: its first message completes the task.</summary>
/// <remarks>
/// The task is completed outside the replying actor: after its turn on the same thread (see
/// <see cref="Dispatcher.RunAfterTurn"/>), or on the pool. So awaiting code never runs inside an actor,
/// and a request/reply round trip costs no extra thread hop.
/// </remarks>
internal sealed class PromiseActorRef<T> : IInternalActorRef, IThreadPoolWorkItem
{
    private static long s_counter;
    private readonly TaskCompletionSource<T> _completion = new();
    private readonly ActorSystemImpl? _system;
    private readonly long _id = Interlocked.Increment(ref s_counter);
    private readonly ITimer? _timer;
    private readonly CancellationTokenRegistration _cancellation;
    private ActorPath? _path;
    private int _settled;
    private T? _reply;
    private Exception? _failure;

    public PromiseActorRef(ActorSystemImpl? system, ICanTell target, object message, TimeProvider clock, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _system = system;
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            var state = (this, target, message.GetType().Name, timeout);
            _timer = clock.CreateTimer(
                static s =>
                {
                    var (self, t, type, limit) = ((PromiseActorRef<T>, ICanTell, string, TimeSpan))s!;
                    self.Fail(new AskTimeoutException($"Ask timed out on {Describe(t)} after {limit.TotalMilliseconds} ms. Message type [{type}]"));
                },
                state,
                timeout,
                Timeout.InfiniteTimeSpan);
        }
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.Register(static s => ((PromiseActorRef<T>)s!).Cancel(), this);
        }
    }

    public Task<T> Task => _completion.Task;

    // Built only when someone looks: most replies never read the sender's path.
    public ActorPath Path => _path ??= (_system?.TempPath ?? new RootActorPath(new Address(Address.DefaultProtocol, "ask")).Child("temp")).Child("$" + _id, _id);

    public bool IsTerminated => Volatile.Read(ref _settled) != 0;

    public void Tell(object message, IActorRef? sender)
    {
        switch (message)
        {
            case Status.Failure failure:
                Fail(failure.Cause);
                break;
            case T reply:
                if (Interlocked.Exchange(ref _settled, 1) != 0) return;
                _reply = reply;
                Dispatcher.RunAfterTurn(this);
                break;
            default:
                Fail(new InvalidCastException($"Ask expected a reply of type {typeof(T).Name} but got {message.GetType().Name}: {message}"));
                break;
        }
    }

    /// <summary>Completes the task with what was settled (runs outside any actor).</summary>
    public void Execute()
    {
        Cleanup();
        if (_failure is { } failure)
        {
            if (failure is OperationCanceledException) _completion.TrySetCanceled();
            else _completion.TrySetException(failure);
        }
        else
        {
            _completion.TrySetResult(_reply!);
        }
    }

    public void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch w && IsTerminated) w.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: true));
    }

    public bool Equals(IActorRef? other) => ReferenceEquals(this, other);

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => _id.GetHashCode();

    private void Fail(Exception cause)
    {
        if (Interlocked.Exchange(ref _settled, 1) != 0) return;
        _failure = cause;
        Dispatcher.RunAfterTurn(this);
    }

    private void Cancel() => Fail(new OperationCanceledException());

    private void Cleanup()
    {
        _timer?.Dispose();
        _cancellation.Dispose();
    }

    private static string Describe(ICanTell target) => target is IActorRef r ? r.Path.ToString() : target.ToString() ?? "?";
}
