using Serenity.Actors;
using Serenity.Cluster.Membership;
using Serenity.Cluster.RabbitMq.Storage;

namespace Serenity.Cluster.RabbitMq.Membership;

/// <summary>
/// Heartbeats this node's row, declares Down the members silent past <c>unreachable-after</c> +
/// <c>stable-after</c>, reads the membership into the shared <see cref="MembershipView"/> and publishes
/// the differences as <see cref="ClusterEvent"/>s on the event stream. A node that finds itself Down
/// (it was paused or cut off) drops its shards and joins again with a new incarnation. A node that finds
/// itself Leaving without having asked (another node ran <c>cluster leave</c> for it) starts its own leave.
/// </summary>
internal sealed class MembershipActor : ReceiveActor, IWithTimers
{
    private readonly ClusterSettings _settings;
    private readonly MembershipStore _store;
    private readonly MembershipView _view;
    private readonly Action _onDowned;
    private readonly Action _onLeaveRequested;
    private readonly ILoggingAdapter _log;
    private long _incarnation;
    private MemberStatus _wanted = MemberStatus.Up;

    public MembershipActor(ClusterSettings settings, MembershipStore store, MembershipView view, long incarnation, Action onDowned, Action onLeaveRequested)
    {
        _settings = settings;
        _store = store;
        _view = view;
        _incarnation = incarnation;
        _onDowned = onDowned;
        _onLeaveRequested = onLeaveRequested;
        _log = Context.GetLogger();
        ReceiveAsync<Tick>(_ => TickAsync());
        ReceiveAsync<SetSelfStatus>(async s =>
        {
            _wanted = s.Status;
            await _store.SetStatusAsync(_settings.NodeName, _incarnation, s.Status).ConfigureAwait(true);
            await RefreshAsync().ConfigureAwait(true);
            Sender.Tell(Done.Instance, Self);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        Self.Tell(Tick.Instance, Self);
        Timers.StartPeriodicTimer("tick", Tick.Instance, _settings.HeartbeatInterval);
    }

    private async Task TickAsync()
    {
        try
        {
            var status = await _store.HeartbeatAsync(_settings.NodeName, _incarnation).ConfigureAwait(true);
            if (status is null or MemberStatus.Down)
            {
                _log.Warning($"cluster: this node ({_settings.NodeName}, incarnation {_incarnation}) was declared Down; dropping its shards and joining again");
                _onDowned();
                _incarnation = await _store.RegisterAsync(_settings.NodeName, _settings.Address, _settings.Roles).ConfigureAwait(true);
                if (_wanted == MemberStatus.Up) await _store.SetStatusAsync(_settings.NodeName, _incarnation, MemberStatus.Up).ConfigureAwait(true);
            }
            else if (status == MemberStatus.Leaving && _wanted == MemberStatus.Up)
            {
                _log.Info($"cluster: this node ({_settings.NodeName}) was asked to leave; handing its shards off");
                _wanted = MemberStatus.Leaving;
                _onLeaveRequested();
            }
            await _store.DownSilentAsync(_settings.UnreachableAfter + _settings.StableAfter).ConfigureAwait(true);
            await RefreshAsync().ConfigureAwait(true);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            _log.Warning($"cluster: membership heartbeat failed: {e.Message}");
        }
    }

    private async Task RefreshAsync()
    {
        var before = _view.Members;
        var members = await _store.ReadAsync(_settings.UnreachableAfter).ConfigureAwait(true);
        var self = members.FirstOrDefault(m => m.NodeId == _settings.NodeName && m.Incarnation == _incarnation);
        _view.Update(members, self);
        foreach (var e in MembershipDiff.Between(before, members)) Context.System.EventStream.Publish(e);
    }

    /// <summary>Heartbeat now.</summary>
    internal sealed class Tick
    {
        public static readonly Tick Instance = new();
    }

    /// <summary>Change this node's status (leave: Leaving, Exiting, Removed); answered with <see cref="Done"/>.</summary>
    internal sealed record SetSelfStatus(MemberStatus Status);

    /// <summary>The status is written and the view refreshed.</summary>
    internal sealed class Done
    {
        public static readonly Done Instance = new();
    }
}
